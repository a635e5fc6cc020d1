package dev.jcodex.appserver.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.tools.userinput.UserInputGate;
import dev.jcodex.core.tools.userinput.UserInputRequest;
import dev.jcodex.protocol.ServerRequests;
import dev.jcodex.protocol.serverrequest.ToolRequestUserInputParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * request_user_input questions as {@code item/tool/requestUserInput}, asked of every client following the
 * thread like approvals (see {@link ThreadRequests}: first answer wins, serverRequest/resolved to each). With
 * nobody following the thread, or once every client that could answer has left, there is no answer (null):
 * the model is told so and the turn goes on instead of waiting.
 */
public final class UserInputRequests implements UserInputGate {
    private final ThreadRequests requests;

    public UserInputRequests(ThreadRequests requests) { this.requests = requests; }

    @Override
    public CompletableFuture<Map<String, List<String>>> request(UserInputRequest r) {
        List<ToolRequestUserInputParams.Question> qs = new ArrayList<>();
        for (UserInputRequest.Question q : r.questions()) {
            List<ToolRequestUserInputParams.Option> opts = q.options() == null ? null
                    : q.options().stream().map(o -> new ToolRequestUserInputParams.Option(o.label(), o.description())).toList();
            // isOther: the client adds its own free-form choice, as Codex tells it to
            qs.add(new ToolRequestUserInputParams.Question(q.id(), q.header(), q.question(), true, false, opts));
        }
        var params = new ToolRequestUserInputParams(r.threadId(), r.turnId(), r.callId(), qs, true, null);
        return requests.ask(r.threadId(), ServerRequests.TOOL_REQUEST_USER_INPUT.name(), params,
                UserInputRequests::answers, null, null);
    }

    /** {@code {answers: {id: {answers: [..]}}}}; entries that are not lists of strings are dropped. */
    static Map<String, List<String>> answers(JsonNode result) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        JsonNode byId = result == null ? null : result.get("answers");
        if (byId == null || !byId.isObject()) return out;
        byId.properties().forEach(e -> {
            JsonNode list = e.getValue().path("answers");
            if (!list.isArray()) return;
            List<String> texts = new ArrayList<>();
            for (JsonNode a : list) if (a.isTextual()) texts.add(a.asText());
            out.put(e.getKey(), texts);
        });
        return out;
    }
}
