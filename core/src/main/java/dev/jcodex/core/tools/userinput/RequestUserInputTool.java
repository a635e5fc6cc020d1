package dev.jcodex.core.tools.userinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.tools.ClientAnswers;
import dev.jcodex.core.tools.ToolCall;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolOutput;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code request_user_input}: the model asks the user one to three multiple-choice questions and waits for the
 * answers. Offered on every turn with the schema Codex 0.171 sends, and, as there, only answered in Plan
 * collaboration mode (turn/start {@code collaborationMode}); in Default mode the model is told it is
 * unavailable. While it waits the thread shows {@code waitingOnUserInput}; an interrupt abandons the question.
 */
public final class RequestUserInputTool implements ToolHandler {
    public static final String NAME = "request_user_input";
    public static final ThreadState WAITING = new ThreadState(ThreadState.Kind.ACTIVE, List.of("waitingOnUserInput"));

    private final UserInputGate gate;

    public RequestUserInputTool(UserInputGate gate) { this.gate = gate; }

    @Override public String name() { return NAME; }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", "function").put("name", NAME)
                .put("description", "Ask the user one to three short multiple-choice questions and wait for the "
                        + "answers. Only available in Plan mode.")
                .put("strict", false);
        ObjectNode params = spec.putObject("parameters").put("type", "object");
        ObjectNode questions = params.putObject("properties").putObject("questions").put("type", "array")
                .put("description", "The questions to ask; one is best, three at most.");
        ObjectNode q = questions.putObject("items").put("type", "object");
        ObjectNode qp = q.putObject("properties");
        qp.putObject("header").put("type", "string").put("description", "A label of at most 12 characters for the UI.");
        qp.putObject("id").put("type", "string").put("description", "A snake_case id the answer is keyed by.");
        ObjectNode options = qp.putObject("options").put("type", "array")
                .put("description", "Two or three exclusive choices, the recommended one first with \"(Recommended)\" "
                        + "after its label. No \"Other\" choice: the client offers free-form input itself.");
        ObjectNode o = options.putObject("items").put("type", "object");
        ObjectNode op = o.putObject("properties");
        op.putObject("description").put("type", "string").put("description", "What choosing it means, in one sentence.");
        op.putObject("label").put("type", "string").put("description", "The choice as shown, one to five words.");
        o.putArray("required").add("label").add("description");
        o.put("additionalProperties", false);
        qp.putObject("question").put("type", "string").put("description", "The question, one sentence.");
        q.putArray("required").add("id").add("header").add("question").add("options");
        q.put("additionalProperties", false);
        params.putArray("required").add("questions");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException {
        String mode = ctx.thread().collaborationMode();
        if (!"plan".equals(mode)) return new ToolOutput(NAME + " is unavailable in " + displayName(mode) + " mode", false);
        List<UserInputRequest.Question> questions;
        try {
            questions = parse(call.input());
        } catch (IllegalArgumentException e) {
            return new ToolOutput("failed to parse function arguments: " + e.getMessage(), false);
        }
        Map<String, List<String>> answers = await(new UserInputRequest(ctx.threadId(), ctx.turnId(), call.callId(),
                questions), ctx);
        if (answers == null) return new ToolOutput(NAME + " got no answer: no client answered the questions", false);
        ObjectNode out = Json.object();
        ObjectNode byId = out.putObject("answers");
        answers.forEach((id, list) -> {
            var arr = byId.putObject(id).putArray("answers");
            list.forEach(arr::add);
        });
        return new ToolOutput(out.toString(), true);
    }

    private Map<String, List<String>> await(UserInputRequest r, TurnContext ctx) throws InterruptedException {
        return ClientAnswers.await(ctx, WAITING, () -> gate.request(r), "user input");
    }

    private static String displayName(String mode) {
        return mode == null || mode.isEmpty() ? "Default" : Character.toUpperCase(mode.charAt(0)) + mode.substring(1);
    }

    static List<UserInputRequest.Question> parse(String input) {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(input == null || input.isBlank() ? "{}" : input);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        JsonNode qs = a.path("questions");
        if (!qs.isArray()) throw new IllegalArgumentException("missing field `questions`");
        if (qs.isEmpty()) throw new IllegalArgumentException("`questions` must not be empty");
        List<UserInputRequest.Question> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            JsonNode q = qs.get(i);
            String at = "questions[" + i + "]";
            for (String f : List.of("id", "header", "question")) {
                if (!q.path(f).isTextual()) throw new IllegalArgumentException("missing field `" + at + "." + f + "`");
            }
            List<UserInputRequest.Option> options = null;
            if (q.path("options").isArray()) {
                options = new ArrayList<>();
                for (JsonNode o : q.get("options")) {
                    options.add(new UserInputRequest.Option(o.path("label").asText(""), o.path("description").asText("")));
                }
            }
            out.add(new UserInputRequest.Question(q.get("id").asText(), q.get("header").asText(),
                    q.get("question").asText(), options));
        }
        return out;
    }
}
