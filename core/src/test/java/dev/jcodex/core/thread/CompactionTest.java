package dev.jcodex.core.thread;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the rebuilt history keeps of the old one. */
class CompactionTest {
    private static ObjectNode user(String text) { return InitialContext.message("user", text); }

    private static String text(ObjectNode m) { return m.path("content").get(0).path("text").asText(); }

    @Test
    void keepsRealUserMessagesOnlyAndNeverAnEarlierSummary() {
        List<ObjectNode> history = List.of(
                InitialContext.message("developer", "base"),
                user("# AGENTS.md instructions for /w\n\n<INSTRUCTIONS>\nx\n</INSTRUCTIONS>"),
                user("<environment_context>\n</environment_context>"),
                user("first"),
                InitialContext.message("assistant", "answer"),
                user(Compaction.BRIDGE_PREFIX + "old notes"),
                user("<turn_aborted>\nstopped\n</turn_aborted>"),
                user("second"));
        List<String> kept = Compaction.recentUserMessages(history, 1000).stream().map(CompactionTest::text).toList();
        assertEquals(List.of("first", "second"), kept);
    }

    @Test
    void theBudgetKeepsTheNewestMessagesAndCutsTheOneThatCrossesIt() {
        List<ObjectNode> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) history.add(user(("m" + i + " ").repeat(100))); // 300-400 chars each
        List<ObjectNode> kept = Compaction.recentUserMessages(history, 250); // 1000 chars
        assertTrue(text(kept.getLast()).startsWith("m9 "), "newest last");
        assertTrue(text(kept.getFirst()).endsWith("[truncated]"), "the oldest kept one is cut");
        long chars = kept.stream().mapToLong(m -> text(m).replace("\n[truncated]", "").length()).sum();
        assertEquals(1000, chars);
    }
}
