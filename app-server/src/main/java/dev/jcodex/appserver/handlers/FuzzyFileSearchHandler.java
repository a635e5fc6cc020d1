package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.FuzzyFileSearchParams;
import dev.jcodex.protocol.v2.FuzzyFileSearchResponse;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * fuzzyFileSearch: files under the roots whose relative path fuzzily matches the query, best first, with the
 * matched character positions. Hidden entries are skipped; inside a git work tree .gitignore files (and
 * .git/info/exclude) are honoured, as Codex does. A newer search with the same cancellationToken stops an
 * older one, which then answers with no files.
 */
public final class FuzzyFileSearchHandler {
    static final int MAX_RESULTS = 50;
    static final int MAX_FILES_VISITED = 200_000;

    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    public void register(Dispatcher d) { d.onAsync(ClientRequests.FUZZY_FILE_SEARCH, this::search); }

    FuzzyFileSearchResponse search(JsonRpcConnection conn, FuzzyFileSearchParams p) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String r : p.roots()) roots.add(CommandExecHandler.absolute("roots[]", r));
        AtomicBoolean cancelled = new AtomicBoolean();
        if (p.cancellationToken() != null) {
            AtomicBoolean older = running.put(p.cancellationToken(), cancelled);
            if (older != null) older.set(true);
        }
        try {
            FuzzyMatcher matcher = new FuzzyMatcher(p.query());
            Comparator<FuzzyFileSearchResponse.Match> order = Comparator
                    .comparingInt(FuzzyFileSearchResponse.Match::score).reversed()
                    .thenComparing(FuzzyFileSearchResponse.Match::path);
            PriorityQueue<FuzzyFileSearchResponse.Match> top = new PriorityQueue<>(order.reversed());
            if (!p.query().isEmpty()) {
                for (Path root : roots) {
                    if (Files.isDirectory(root)) walk(root, matcher, top, cancelled);
                }
            }
            if (cancelled.get()) return new FuzzyFileSearchResponse(List.of());
            List<FuzzyFileSearchResponse.Match> out = new ArrayList<>(top);
            out.sort(order);
            return new FuzzyFileSearchResponse(out);
        } finally {
            if (p.cancellationToken() != null) running.remove(p.cancellationToken(), cancelled);
        }
    }

    private static void walk(Path root, FuzzyMatcher matcher, PriorityQueue<FuzzyFileSearchResponse.Match> top,
                             AtomicBoolean cancelled) throws IOException {
        Path repo = gitRoot(root);
        // (directory holding the rules, rules) from the outermost applicable .gitignore inwards
        Deque<Map.Entry<Path, GitIgnore>> rules = new ArrayDeque<>();
        if (repo != null) {
            rules.addLast(Map.entry(repo, GitIgnore.load(repo.resolve(".git/info/exclude"))));
            for (Path d = repo; d != null && !d.equals(root) && root.startsWith(d); d = next(d, root)) {
                rules.addLast(Map.entry(d, GitIgnore.load(d.resolve(".gitignore"))));
            }
        }
        int[] visited = {0};
        String rootName = root.toString();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                if (cancelled.get()) return FileVisitResult.TERMINATE;
                if (!dir.equals(root) && (hidden(dir) || ignored(rules, dir, true))) return FileVisitResult.SKIP_SUBTREE;
                if (repo != null) {
                    Path gi = dir.resolve(".gitignore");
                    if (Files.isRegularFile(gi)) rules.addLast(Map.entry(dir, GitIgnore.load(gi)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (!rules.isEmpty() && rules.peekLast().getKey().equals(dir) && !dir.equals(repo)) rules.removeLast();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (++visited[0] > MAX_FILES_VISITED || cancelled.get()) return FileVisitResult.TERMINATE;
                if (!a.isRegularFile() || hidden(file) || ignored(rules, file, false)) return FileVisitResult.CONTINUE;
                String rel = root.relativize(file).toString();
                FuzzyMatcher.Result r = matcher.match(rel);
                if (r == null) return FileVisitResult.CONTINUE;
                top.add(new FuzzyFileSearchResponse.Match(rootName, rel, "file", file.getFileName().toString(),
                        r.score(), r.indices()));
                if (top.size() > MAX_RESULTS) top.poll();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) { return FileVisitResult.CONTINUE; }
        });
    }

    private static Path next(Path d, Path root) {
        Path rel = d.relativize(root);
        return rel.getNameCount() == 0 ? null : d.resolve(rel.getName(0));
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean ignored(Deque<Map.Entry<Path, GitIgnore>> rules, Path p, boolean dir) {
        // innermost rules decide first; an outer file only decides if no inner one matched
        var it = rules.descendingIterator();
        while (it.hasNext()) {
            var e = it.next();
            if (!p.startsWith(e.getKey()) || e.getValue().isEmpty()) continue;
            Boolean m = e.getValue().match(e.getKey().relativize(p).toString(), dir);
            if (m != null) return m;
        }
        return false;
    }

    private static Path gitRoot(Path start) {
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) return d;
        }
        return null;
    }
}
