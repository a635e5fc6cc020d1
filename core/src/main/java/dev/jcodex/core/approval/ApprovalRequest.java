package dev.jcodex.core.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.item.Item;
import java.util.List;

/** A question the turn puts to the user before it acts. The item it concerns was already started. */
public sealed interface ApprovalRequest {
    String threadId();
    String turnId();
    String itemId();
    long startedAtMs();

    /** {@code command} is the display string; {@code reason} the model's justification, if any. */
    record Command(String threadId, String turnId, String itemId, long startedAtMs, String command, String cwd,
                   List<Item.CommandActionInfo> actions, String reason, List<String> argv) implements ApprovalRequest {}

    /** {@code grantRoot}: a directory whose write access would be granted for the session (not used yet). */
    record FileChange(String threadId, String turnId, String itemId, long startedAtMs, String reason,
                      String grantRoot) implements ApprovalRequest {}

    /**
     * A call to an MCP server's tool that is not marked read-only. {@code arguments} is the parsed JSON object
     * the model passed; {@code title}/{@code description} come from the server's tool listing, if given.
     */
    record McpToolCall(String threadId, String turnId, String itemId, long startedAtMs, String server, String tool,
                       String title, String description, JsonNode arguments) implements ApprovalRequest {}
}
