package dev.jcodex.appserver.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.handlers.InitializeHandler;
import java.io.PrintStream;

/** The readable form of an exec run (on stderr; the final message alone goes to stdout). */
final class HumanTranscript {
    private final PrintStream err;
    private long tokens;

    HumanTranscript(PrintStream err) { this.err = err; }

    void header(JsonNode started, String prompt) {
        err.println("jcodex v" + InitializeHandler.JCODEX_VERSION);
        err.println("--------");
        err.println("workdir: " + started.path("cwd").asText());
        err.println("model: " + started.path("model").asText());
        err.println("provider: " + started.path("modelProvider").asText());
        err.println("approval: " + started.path("approvalPolicy").asText());
        err.println("sandbox: " + started.path("sandbox").path("type").asText().replaceAll("([A-Z])", "-$1").toLowerCase());
        if (started.hasNonNull("reasoningEffort")) err.println("reasoning effort: " + started.path("reasoningEffort").asText());
        err.println("session id: " + started.path("thread").path("id").asText());
        err.println("--------");
        err.println("user");
        err.println(prompt);
    }

    void notification(String method, JsonNode p) {
        switch (method) {
            case "configWarning" -> err.println("warning: " + p.path("summary").asText(p.toString()));
            case "warning" -> err.println("warning: " + p.path("message").asText());
            case "error" -> {
                // a retry notice carries the failure (URL, cause) in additionalDetails: show why it retries
                String why = p.path("error").path("additionalDetails").asText("");
                boolean retry = p.path("willRetry").asBoolean();
                err.println((retry ? "retrying: " : "ERROR: ") + p.path("error").path("message").asText()
                        + (retry && !why.isEmpty() ? ": " + why : ""));
            }
            case "turn/plan/updated" -> {
                err.println("plan");
                for (JsonNode s : p.path("plan")) {
                    String st = s.path("status").asText();
                    err.println("  " + (st.equals("completed") ? "[x] " : st.equals("inProgress") ? "[>] " : "[ ] ")
                            + s.path("step").asText());
                }
            }
            case "item/started" -> {
                JsonNode i = p.path("item");
                if (i.path("type").asText().equals("commandExecution")) {
                    err.println("exec");
                    err.println(i.path("command").asText() + " in " + i.path("cwd").asText());
                }
            }
            case "item/completed" -> completed(p.path("item"));
            case "thread/tokenUsage/updated" -> tokens = p.path("tokenUsage").path("total").path("totalTokens").asLong();
            default -> { }
        }
    }

    private void completed(JsonNode i) {
        switch (i.path("type").asText()) {
            case "reasoning" -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode s : i.path("summary")) sb.append(s.asText()).append('\n');
                if (!sb.isEmpty()) err.print("thinking\n" + sb);
            }
            case "agentMessage" -> err.println("codex\n" + i.path("text").asText());
            case "commandExecution" -> {
                String status = i.path("status").asText();
                String head = switch (status) {
                    case "completed" -> "succeeded";
                    case "declined" -> "declined";
                    default -> "exited " + i.path("exitCode").asText("?");
                };
                err.println(head + (i.hasNonNull("durationMs") ? " in " + i.path("durationMs").asLong() + "ms" : "") + ":");
                String out = i.path("aggregatedOutput").asText("");
                if (!out.isEmpty()) err.print(out.endsWith("\n") ? out : out + "\n");
            }
            case "fileChange" -> {
                err.println("file update (" + i.path("status").asText() + ")");
                for (JsonNode c : i.path("changes")) {
                    err.println("  " + c.path("kind").path("type").asText() + " " + c.path("path").asText());
                }
            }
            case "mcpToolCall" -> err.println("tool " + i.path("server").asText() + "." + i.path("tool").asText()
                    + " (" + i.path("status").asText() + ")");
            case "webSearch" -> err.println("web search: " + i.path("query").asText());
            default -> { }
        }
    }

    void finish(String failure) {
        if (failure != null) err.println("ERROR: " + failure);
        err.println("tokens used");
        err.println(tokens);
    }
}
