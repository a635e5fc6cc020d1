package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides, line by line in file order, which rollout lines a fork through turn {@code lastTurnId} keeps:
 * everything up to and including that turn's end line, then only renames (a fork inherits its source's
 * latest name). A turn that has no end line (its process died) ends where the next turn starts; the
 * {@code turn_context} written just before that start belongs to the next turn and is dropped with it.
 */
final class ForkCut {
    private final String lastTurnId;
    private boolean found;
    private boolean past;
    private JsonNode heldContext;

    ForkCut(String lastTurnId) { this.lastTurnId = lastTurnId; }

    String lastTurnId() { return lastTurnId; }

    /** True once the turn has been seen: false after the whole file means no such turn. */
    boolean found() { return found; }

    /**
     * The lines to keep in place of {@code line}: none, the line itself, or a held {@code turn_context}
     * followed by it.
     */
    JsonNode[] accept(JsonNode line) {
        String type = line.path("type").asText("");
        JsonNode p = line.path("payload");
        String event = type.equals("event_msg") ? p.path("type").asText("") : "";
        if (past) return event.equals("thread_name_updated") ? new JsonNode[] {line} : new JsonNode[0];
        boolean starts = event.equals("task_started") || event.equals("turn_started");
        if (found) {
            if (starts) { // the cut turn never ended: it stops here, with the context of the turn after it
                past = true;
                heldContext = null;
                return new JsonNode[0];
            }
            if (type.equals("turn_context")) { // may open the next turn: decided by the line after it
                JsonNode[] out = flush();
                heldContext = line;
                return out;
            }
            boolean ends = event.equals("task_complete") || event.equals("turn_complete") || event.equals("turn_aborted");
            if (ends && (!p.hasNonNull("turn_id") || lastTurnId.equals(p.get("turn_id").asText()))) past = true;
            return withHeld(line);
        }
        if (starts && lastTurnId.equals(p.path("turn_id").asText(null))) found = true;
        return new JsonNode[] {line};
    }

    private JsonNode[] withHeld(JsonNode line) {
        if (heldContext == null) return new JsonNode[] {line};
        JsonNode[] out = {heldContext, line};
        heldContext = null;
        return out;
    }

    private JsonNode[] flush() {
        if (heldContext == null) return new JsonNode[0];
        JsonNode[] out = {heldContext};
        heldContext = null;
        return out;
    }
}
