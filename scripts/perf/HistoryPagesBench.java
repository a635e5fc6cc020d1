// Paged history against parsing the whole rollout, on a generated 22,000-record (~100 MB) rollout.
//
//   ./mvnw -B -q -o -pl core -am compile
//   java -cp core/target/classes:$(cd core && ../mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
//        scripts/perf/HistoryPagesBench.java [turns=2000] [outputBytes=48000]
//
// Each turn is 11 lines (turn_context, task_started, the user message as model history and as an item, a tool
// call and its ~4 KB output, an agent message as history and as an item, a reasoning item, a token count, the
// end line). Prints: the full parse (what thread/read includeTurns or resume costs), the first index build,
// the first and a deep page of turns and of items (best of 20 after 5 warm-ups, index built), and one page
// right after a turn was appended (the index reads only the new bytes).
import dev.jcodex.core.persist.HistoryPages;
import dev.jcodex.core.persist.ThreadStore;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class HistoryPagesBench {
    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int outBytes = args.length > 1 ? Integer.parseInt(args[1]) : 48_000;
        Path home = Files.createTempDirectory("jcodex-history-bench-");
        String id = "01900000-0000-7000-8000-000000000001";
        Path file = home.resolve("sessions/2026/12/04/rollout-2026-12-04T10-00-00-" + id + ".jsonl");
        Files.createDirectories(file.getParent());
        String filler = "x".repeat(outBytes);
        long records = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("{\"timestamp\":\"2026-12-04T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id
                    + "\",\"cwd\":\"/tmp\",\"originator\":\"bench\",\"cli_version\":\"0.169.0\",\"source\":\"vscode\","
                    + "\"jcodex\":{\"history_mode\":\"paginated\"}}}\n");
            records++;
            for (int t = 0; t < turns; t++) records += writeTurn(w, id, t, filler);
        }
        System.out.printf("rollout: %d records, %.1f MB, %d turns%n", records, Files.size(file) / 1e6, turns);

        ThreadStore store = new ThreadStore(home);
        store.awaitReady();
        long full = Long.MAX_VALUE;
        int n = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            n = store.loadFile(file).turns().size();
            full = Math.min(full, System.nanoTime() - t0);
        }
        System.out.printf("full parse (RolloutReader: thread/read includeTurns, resume), best of 3: %.0f ms, %d turns%n", full / 1e6, n);

        long build = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // each on a fresh index file: what the first page of a thread costs once
            store.close();
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(home.resolve("jcodex_history_1.sqlite" + suffix));
            store = new ThreadStore(home);
            long t0 = System.nanoTime();
            store.history().turns(id, file, null, false, true, 25, HistoryPages.View.SUMMARY);
            build = Math.min(build, System.nanoTime() - t0);
        }
        System.out.printf("first page of a never-indexed thread (builds the index), best of 3: %.0f ms%n", build / 1e6);
        HistoryPages h = store.history();
        long t0;

        long deepOrd = turns / 20; // 95% of the way back in a desc walk
        report("turns page 1 (25, summary, newest)", () -> h.turns(id, file, null, false, true, 25, HistoryPages.View.SUMMARY).size());
        report("turns deep page (25, summary, at turn " + deepOrd + ")",
                () -> h.turns(id, file, deepOrd, false, true, 25, HistoryPages.View.SUMMARY).size());
        report("turns deep page (25, full)", () -> h.turns(id, file, deepOrd, false, true, 25, HistoryPages.View.FULL).size());
        report("items page 1 (100, oldest)", () -> h.items(id, file, null, null, false, false, 100).size());
        long deepItem = (long) turns * 3 * 19 / 20; // 3 items a turn: 95% of the way through an oldest-first walk
        report("items deep page (100, at item " + deepItem + ")", () -> h.items(id, file, null, deepItem, false, false, 100).size());

        long append = Long.MAX_VALUE;
        String newest = null;
        for (int i = 0; i < 10; i++) { // a turn appended, then a page: the index reads only the new bytes
            try (BufferedWriter w = Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.APPEND)) {
                writeTurn(w, id, turns + i, filler);
            }
            t0 = System.nanoTime();
            newest = h.turns(id, file, null, false, true, 25, HistoryPages.View.SUMMARY).getFirst().turn().id();
            append = Math.min(append, System.nanoTime() - t0);
        }
        System.out.printf("%-48s %7.2f ms (newest %s)%n", "page after a turn was appended (best of 10)", append / 1e6, newest);
        store.close();
    }

    interface Op { int run() throws Exception; }

    static void report(String name, Op op) throws Exception {
        for (int i = 0; i < 5; i++) op.run();
        long best = Long.MAX_VALUE;
        int n = 0;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            n = op.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%-48s %7.2f ms (%d entries)%n", name, best / 1e6, n);
    }

    static int writeTurn(BufferedWriter w, String id, int t, String filler) throws Exception {
        String turn = String.format("01900000-0000-7000-9000-%012d", t);
        String ts = "\"timestamp\":\"2026-12-04T10:00:00Z\"";
        w.write("{" + ts + ",\"type\":\"turn_context\",\"payload\":{\"turn_id\":\"" + turn + "\",\"cwd\":\"/tmp\",\"model\":\"m\"}}\n");
        w.write("{" + ts + ",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_started\",\"turn_id\":\"" + turn + "\",\"started_at\":1796400000}}\n");
        w.write("{" + ts + ",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"question " + t + "\"}]}}\n");
        w.write("{" + ts + ",\"type\":\"event_msg\",\"payload\":{\"type\":\"item_completed\",\"thread_id\":\"" + id + "\",\"turn_id\":\"" + turn
                + "\",\"item\":{\"type\":\"UserMessage\",\"id\":\"u" + t + "\",\"content\":[{\"type\":\"text\",\"text\":\"question " + t + "\"}]}}}\n");
        w.write("{" + ts + ",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"exec_command\",\"arguments\":\"{}\",\"call_id\":\"c" + t + "\"}}\n");
        w.write("{" + ts + ",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"c" + t + "\",\"output\":\"" + filler + "\"}}\n");
        w.write("{" + ts + ",\"type\":\"event_msg\",\"payload\":{\"type\":\"item_completed\",\"thread_id\":\"" + id + "\",\"turn_id\":\"" + turn
                + "\",\"item\":{\"type\":\"Reasoning\",\"id\":\"r" + t + "\",\"summary_text\":[\"thinking\"],\"raw_content\":[]}}}\n");
        w.write("{" + ts + ",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"assistant\",\"id\":\"a" + t + "\",\"content\":[{\"type\":\"output_text\",\"text\":\"answer " + t + "\"}]}}\n");
        w.write("{" + ts + ",\"type\":\"event_msg\",\"payload\":{\"type\":\"item_completed\",\"thread_id\":\"" + id + "\",\"turn_id\":\"" + turn
                + "\",\"item\":{\"type\":\"AgentMessage\",\"id\":\"a" + t + "\",\"content\":[{\"type\":\"Text\",\"text\":\"answer " + t + "\"}]}}}\n");
        w.write("{" + ts + ",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"total_tokens\":" + t + "}}}}\n");
        w.write("{" + ts + ",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_complete\",\"turn_id\":\"" + turn
                + "\",\"completed_at\":1796400001,\"duration_ms\":1000,\"last_agent_message\":\"answer " + t + "\"}}\n");
        return 11;
    }
}
