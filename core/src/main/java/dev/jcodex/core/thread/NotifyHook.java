package dev.jcodex.core.thread;

import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.util.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code notify = ["prog", "arg", ...]}: after each completed turn, runs the program with one more argument,
 * a JSON object describing the turn ({@code agent-turn-complete}). Fire-and-forget, outside the sandbox, as
 * Codex does: the user configured it, its output is discarded, and nothing waits for it.
 */
final class NotifyHook {
    private NotifyHook() {}

    static void afterTurn(AgentThread t, TurnInfo done) {
        if (done.status() != TurnStatus.COMPLETED) return;
        if (!(t.config().get("notify") instanceof List<?> argv) || argv.isEmpty()) return;
        List<String> cmd = new ArrayList<>();
        for (Object o : argv) cmd.add(String.valueOf(o));
        cmd.add(payload(t, done).toString());
        try {
            new ProcessBuilder(cmd)
                    .directory(new File(t.settings().cwd()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            System.err.println("jcodex: notify program " + cmd.getFirst() + " failed to start: " + e.getMessage());
        }
    }

    static ObjectNode payload(AgentThread t, TurnInfo done) {
        ObjectNode p = Json.object();
        p.put("type", "agent-turn-complete");
        p.put("thread-id", t.id());
        p.put("turn-id", done.id());
        p.put("cwd", t.settings().cwd());
        var inputs = p.putArray("input-messages");
        String last = null;
        for (TurnRecord r : t.turns()) {
            if (!r.id().equals(done.id())) continue;
            for (Item i : r.items()) {
                if (i instanceof Item.UserMessage u) {
                    StringBuilder sb = new StringBuilder();
                    for (InputPart part : u.content()) if (part instanceof InputPart.Text tx) sb.append(tx.text());
                    inputs.add(sb.toString());
                }
                if (i instanceof Item.AgentMessage a) last = a.text();
            }
        }
        if (last == null) p.putNull("last-assistant-message");
        else p.put("last-assistant-message", last);
        return p;
    }
}
