// searchTerm at the SQL level: ThreadIndex.page (text index) against the LIKE scan it replaced, on one index file.
//
//   KEEP=1 scripts/bench-thread-list 10000       # prints the kept CODEX_HOME
//   java -cp core/target/classes:$(ls ~/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | tail -1) \
//        scripts/perf/ThreadIndexSearchAB.java HOME/jcodex_threads_1.sqlite [term...]
//
// Opening the file migrates a version-0 index. Best of 30 runs (after 10 warm-up runs) per term and path.
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

public class ThreadIndexSearchAB {
    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName("dev.jcodex.core.persist.ThreadIndex");
        Constructor<?> open = c.getDeclaredConstructor(Path.class);
        open.setAccessible(true);
        Object index = open.newInstance(Path.of(args[0]));
        Class<?> lq = Class.forName("dev.jcodex.core.persist.ListQuery");
        Constructor<?> query = lq.getDeclaredConstructors()[0];
        Method page = c.getDeclaredMethod("page", lq, int.class);
        page.setAccessible(true);
        String cols = "id, rollout_path, created_at_ms, updated_at_ms, cwd, model, model_provider, preview, name, archived, "
                + "source, originator, cli_version, forked_from_id, tokens_used, rollout_size, rollout_mtime_ms";
        String like = "SELECT " + cols + " FROM threads WHERE archived = 0 AND preview <> '' AND source IN ('cli','vscode')"
                + " AND (preview LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\') ORDER BY created_at_ms DESC, id DESC LIMIT 26";
        List<String> terms = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("prompt 4321", "prompt 43", "PROMPT 9", "benchmark", "7", "no such text", "prompt benchmark");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            for (String term : terms) {
                Object q = query.newInstance(false, false, false, null, null, List.of("cli", "vscode"), term, null, null, 25);
                double bestIndex = Double.MAX_VALUE, bestLike = Double.MAX_VALUE;
                int rowsIndex = 0, rowsLike = 0;
                for (int i = 0; i < 40; i++) {
                    long t = System.nanoTime();
                    rowsIndex = ((List<?>) page.invoke(index, q, 26)).size();
                    if (i >= 10) bestIndex = Math.min(bestIndex, (System.nanoTime() - t) / 1e6);
                    t = System.nanoTime();
                    try (PreparedStatement ps = db.prepareStatement(like)) {
                        String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                        ps.setString(1, pattern);
                        ps.setString(2, pattern);
                        try (ResultSet rs = ps.executeQuery()) {
                            rowsLike = 0;
                            while (rs.next()) {
                                for (int col = 1; col <= 17; col++) rs.getObject(col);
                                rowsLike++;
                            }
                        }
                    }
                    if (i >= 10) bestLike = Math.min(bestLike, (System.nanoTime() - t) / 1e6);
                }
                System.out.printf("%-20s LIKE scan %7.2f ms (%d rows)   text index %7.2f ms (%d rows)%n",
                        "'" + term + "'", bestLike, rowsLike, bestIndex, rowsIndex);
            }
        }
        ((AutoCloseable) index).close();
    }
}
