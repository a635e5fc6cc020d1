package dev.jcodex.core.tools.userinput;

import java.util.List;

/** The model's questions for the user (request_user_input), for the call {@code callId} of a turn. */
public record UserInputRequest(String threadId, String turnId, String callId, List<Question> questions) {
    public record Question(String id, String header, String question, List<Option> options) {}

    public record Option(String label, String description) {}
}
