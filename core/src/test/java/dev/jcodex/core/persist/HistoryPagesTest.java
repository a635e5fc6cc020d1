package dev.jcodex.core.persist;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.core.item.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history index over real rollout files: incremental scans (only appended bytes, a partial last line left
 * for later), stable positions, reverts, Codex's legacy message lines, and a rollout replaced under it.
 */
class HistoryPagesTest {
    static final String ID = "01900000-0000-7000-8000-0000000000aa";

    @TempDir Path home;

    private Path rollout() throws Exception {
        Path f = home.resolve("sessions/2026/12/04/rollout-2026-12-04T10-00-00-" + ID + ".jsonl");
        Files.createDirectories(f.getParent());
        if (!Files.exists(f)) {
            Files.writeString(f, line("session_meta", "{\"id\":\"" + ID + "\",\"cwd\":\"/tmp\",\"jcodex\":{\"history_mode\":\"paginated\"}}"));
        }
        return f;
    }

    private static String line(String type, String payload) {
        return "{\"timestamp\":\"2026-12-04T10:00:00Z\",\"type\":\"" + type + "\",\"payload\":" + payload + "}\n";
    }

    private static String turn(int n, boolean end) {
        String t = "t" + n;
        StringBuilder b = new StringBuilder();
        b.append(line("turn_context", "{\"turn_id\":\"" + t + "\"}"));
        b.append(line("event_msg", "{\"type\":\"task_started\",\"turn_id\":\"" + t + "\",\"started_at\":100}"));
        b.append(line("response_item", "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"q" + n + "\"}]}"));
        b.append(line("event_msg", "{\"type\":\"item_completed\",\"turn_id\":\"" + t + "\",\"item\":{\"type\":\"UserMessage\",\"id\":\"u" + n
                + "\",\"content\":[{\"type\":\"text\",\"text\":\"q" + n + "\"}]}}"));
        b.append(line("event_msg", "{\"type\":\"item_completed\",\"turn_id\":\"" + t + "\",\"item\":{\"type\":\"AgentMessage\",\"id\":\"a" + n
                + "\",\"content\":[{\"type\":\"Text\",\"text\":\"answer " + n + "\"}]}}"));
        b.append(line("response_item", "{\"type\":\"message\",\"role\":\"assistant\",\"id\":\"a" + n
                + "\",\"content\":[{\"type\":\"output_text\",\"text\":\"answer " + n + "\"}]}"));
        if (end) b.append(line("event_msg", "{\"type\":\"task_complete\",\"turn_id\":\"" + t + "\",\"completed_at\":101,\"duration_ms\":1000}"));
        return b.toString();
    }

    private static List<String> ids(List<HistoryPages.PagedTurn> page) {
        return page.stream().map(t -> t.turn().id()).toList();
    }

    @Test
    void scansOnlyWhatWasAppendedAndKeepsPositionsStable() throws Exception {
        Path f = rollout();
        Files.writeString(f, turn(1, true) + turn(2, true), StandardOpenOption.APPEND);
        try (ThreadStore store = new ThreadStore(home)) {
            HistoryPages h = store.history();
            List<HistoryPages.PagedTurn> page = h.turns(ID, f, null, false, true, 10, HistoryPages.View.SUMMARY);
            assertEquals(List.of("t2", "t1"), ids(page));
            long posOfT1 = page.get(1).ord();
            assertEquals(2, page.get(0).turn().items().size(), "summary: the user and the agent message");
            assertEquals(100, page.get(0).turn().end().startedAt());
            assertEquals(1000, page.get(0).turn().end().durationMs());

            // a new turn still running, and half a line (a write in progress)
            String t3 = turn(3, false);
            Files.writeString(f, t3 + "{\"timestamp\":\"2026-12-04T10:00:00Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_com",
                    StandardOpenOption.APPEND);
            page = h.turns(ID, f, null, false, true, 10, HistoryPages.View.FULL);
            assertEquals(List.of("t3", "t2", "t1"), ids(page));
            assertTrue(page.get(0).open(), "no end line yet");
            assertNull(page.get(0).turn().end());
            assertEquals(posOfT1, page.get(2).ord(), "positions do not move as the file grows");
            Files.writeString(f, "plete\",\"turn_id\":\"t3\",\"completed_at\":102}}\n", StandardOpenOption.APPEND);
            page = h.turns(ID, f, null, false, true, 1, HistoryPages.View.NONE);
            assertFalse(page.get(0).open(), "the completed line was read on the next call");
            assertEquals(dev.jcodex.core.event.TurnStatus.COMPLETED, page.get(0).turn().end().status());
            assertTrue(page.get(0).turn().items().isEmpty());

            List<HistoryPages.PagedItem> items = h.items(ID, f, null, null, false, false, 100);
            assertEquals(List.of("u1", "a1", "u2", "a2", "u3", "a3"), items.stream().map(i -> i.item().id()).toList());
            assertEquals(List.of("u2"), h.items(ID, f, "t2", null, false, false, 1).stream().map(i -> i.item().id()).toList());
            Long anchor = h.itemPosition(ID, f, "t2", "a2");
            assertEquals(List.of("u2"), h.items(ID, f, "t2", anchor, false, true, 10).stream().map(i -> i.item().id()).toList());
            assertTrue(h.items(ID, f, "nope", null, false, false, 10).isEmpty());
        }
    }

    @Test
    void aRevertLineHidesTheTurnsAndResumeCutsTheModelHistory() throws Exception {
        Path f = rollout();
        Files.writeString(f, turn(1, true) + turn(2, true) + turn(3, true)
                + line("event_msg", "{\"type\":\"thread_rolled_back\",\"num_turns\":2,\"before_turn_id\":\"t2\"}")
                + turn(4, true), StandardOpenOption.APPEND);
        try (ThreadStore store = new ThreadStore(home)) {
            HistoryPages h = store.history();
            assertEquals(List.of("t4", "t1"), ids(h.turns(ID, f, null, false, true, 10, HistoryPages.View.NONE)));
            assertEquals(List.of("u1", "a1", "u4", "a4"), h.items(ID, f, null, null, false, false, 100).stream()
                    .map(i -> i.item().id()).toList());
            SavedThread saved = store.loadFile(f);
            assertEquals(List.of("t1", "t4"), saved.turns().stream().map(t -> t.id()).toList());
            String history = saved.history().toString();
            assertTrue(history.contains("answer 1") && history.contains("q4"), history);
            assertFalse(history.contains("q2") || history.contains("answer 3"), history);
            assertEquals(ThreadSummary.PAGINATED, saved.summary().historyMode());
        }
        // Codex's marker counts turns only
        Files.writeString(f, line("event_msg", "{\"type\":\"thread_rolled_back\",\"num_turns\":1}"), StandardOpenOption.APPEND);
        try (ThreadStore store = new ThreadStore(home)) {
            assertEquals(List.of("t1"), ids(store.history().turns(ID, f, null, false, true, 10, HistoryPages.View.NONE)));
            assertEquals(List.of("t1"), store.loadFile(f).turns().stream().map(t -> t.id()).toList());
        }
    }

    @Test
    void legacyMessageLinesCountOnlyWhereATurnHasNoItems() throws Exception {
        Path f = rollout();
        Files.writeString(f, line("event_msg", "{\"type\":\"user_message\",\"message\":\"old question\"}")
                + line("event_msg", "{\"type\":\"agent_message\",\"message\":\"old answer\"}")
                + line("event_msg", "{\"type\":\"task_complete\"}")
                + line("event_msg", "{\"type\":\"task_started\",\"turn_id\":\"t9\"}")
                + line("event_msg", "{\"type\":\"user_message\",\"message\":\"dup\"}")
                + line("event_msg", "{\"type\":\"item_completed\",\"turn_id\":\"t9\",\"item\":{\"type\":\"UserMessage\",\"id\":\"u9\",\"content\":[{\"type\":\"text\",\"text\":\"dup\"}]}}")
                + line("event_msg", "{\"type\":\"task_complete\",\"turn_id\":\"t9\"}"), StandardOpenOption.APPEND);
        try (ThreadStore store = new ThreadStore(home)) {
            List<HistoryPages.PagedItem> items = store.history().items(ID, f, null, null, false, false, 100);
            assertEquals(3, items.size(), items.toString());
            assertEquals("old question", ((dev.jcodex.core.item.InputPart.Text) ((Item.UserMessage) items.get(0).item()).content().getFirst()).text());
            assertEquals("old answer", ((Item.AgentMessage) items.get(1).item()).text());
            assertEquals("u9", items.get(2).item().id(), "the turn's own item, not its legacy copy");
            String firstId = items.get(0).item().id();
            assertEquals(firstId, store.history().items(ID, f, null, null, false, false, 1).getFirst().item().id(),
                    "ids of legacy lines are stable");
        }
    }

    @Test
    void aRolloutReplacedByAShorterFileIsIndexedAgain() throws Exception {
        Path f = rollout();
        Files.writeString(f, turn(1, true) + turn(2, true), StandardOpenOption.APPEND);
        try (ThreadStore store = new ThreadStore(home)) {
            assertEquals(2, store.history().turns(ID, f, null, false, true, 10, HistoryPages.View.NONE).size());
            Files.delete(f);
            Files.writeString(rollout(), turn(7, true), StandardOpenOption.APPEND);
            assertEquals(List.of("t7"), ids(store.history().turns(ID, f, null, false, true, 10, HistoryPages.View.NONE)));
        }
    }
}
