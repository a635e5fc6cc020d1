package dev.jcodex.protocol.serverrequest;

import java.util.List;
import java.util.Map;

/** The user's answers by question id. */
public record ToolRequestUserInputResponse(Map<String, Answer> answers) {
    public record Answer(List<String> answers) {}
}
