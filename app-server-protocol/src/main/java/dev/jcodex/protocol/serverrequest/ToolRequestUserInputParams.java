package dev.jcodex.protocol.serverrequest;

import java.util.List;

/**
 * {@code item/tool/requestUserInput}: the model's request_user_input call, asked of the user. {@code itemId} is
 * the call id. {@code isBlocking}: the turn waits for the answer. {@code autoResolutionMs} (deprecated) null.
 */
public record ToolRequestUserInputParams(String threadId, String turnId, String itemId, List<Question> questions,
                                         boolean isBlocking, Long autoResolutionMs) {
    /** {@code isOther}: the client offers a free-form answer besides the options. */
    public record Question(String id, String header, String question, boolean isOther, boolean isSecret,
                           List<Option> options) {}

    public record Option(String label, String description) {}
}
