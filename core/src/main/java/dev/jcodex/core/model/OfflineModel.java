package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded offline provider: a model that needs no network or key, so demos, client developers and
 * tests get real turns. It either replays a script (the same shape as the conformance kit's mock: a list
 * of responses, each a list of message / reasoning / function_call / custom_tool_call items) or, without a
 * script, follows a few plain rules on the last input:
 * <ul>
 *   <li>"run `CMD`" → calls {@code exec_command} with CMD;</li>
 *   <li>"create file `PATH` with `TEXT`" → calls {@code apply_patch} adding that file;</li>
 *   <li>after a tool result → summarises the result;</li>
 *   <li>anything else → a short reasoning summary and a reply that quotes the prompt.</li>
 * </ul>
 * Events go through the same {@link ModelStream} as a real provider's, so everything downstream is real.
 */
public final class OfflineModel implements ModelClient {
    private static final Pattern RUN = Pattern.compile("\\brun\\s+`([^`]+)`", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE = Pattern.compile(
            "\\bcreate\\s+(?:a\\s+)?file\\s+`([^`]+)`\\s+(?:with|containing)\\s+`([^`]*)`", Pattern.CASE_INSENSITIVE);

    private final List<JsonNode> script;
    private final JsonNode scriptDefault;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger responseCounter = new AtomicInteger();
    private final long deltaDelayMs;

    public OfflineModel(Path scriptFile, long deltaDelayMs) throws IOException {
        this.deltaDelayMs = deltaDelayMs;
        if (scriptFile == null) {
            script = List.of();
            scriptDefault = null;
        } else {
            JsonNode root = Json.MAPPER.readTree(Files.readString(scriptFile));
            JsonNode mock = root.has("mock") ? root.get("mock") : root;
            List<JsonNode> list = new ArrayList<>();
            mock.path("responses").forEach(list::add);
            script = List.copyOf(list);
            scriptDefault = mock.get("default");
        }
    }

    @Override
    public void stream(ModelRequest request, ModelStream sink, Cancellation cancel)
            throws ModelError, InterruptedException {
        int n = responseCounter.incrementAndGet();
        String responseId = "resp_offline_" + n;
        JsonNode scripted = nextScripted();
        List<ObjectNode> items = scripted != null ? scriptedItems(scripted) : ruleItems(request.input());
        if (scripted != null && scripted.has("http_status") && scripted.path("http_status").asInt() != 200) {
            throw HttpErrors.fromStatus(scripted.path("http_status").asInt(), scripted.path("body").asText(""));
        }
        sink.on(new ResponseEvent.Created(responseId));
        long outTokens = 0;
        int idx = 0;
        for (ObjectNode spec : items) {
            if (cancel.isCancelled()) throw new ModelError("other", "request cancelled", null, false, null);
            idx++;
            outTokens += emitItem(spec, responseId + "_" + idx, sink, cancel);
        }
        if (scripted != null && scripted.hasNonNull("fail")) {
            throw new ModelError("other", scripted.get("fail").asText(), null, false, null);
        }
        long in = estimateTokens(request);
        sink.on(new ResponseEvent.Completed(responseId, new TokenUsage(in, 0, outTokens, 0, in + outTokens)));
    }

    private JsonNode nextScripted() {
        if (script.isEmpty() && scriptDefault == null) return null;
        int i = next.getAndIncrement();
        if (i < script.size()) return script.get(i);
        return scriptDefault;
    }

    private static List<ObjectNode> scriptedItems(JsonNode response) {
        List<ObjectNode> out = new ArrayList<>();
        response.path("items").forEach(n -> { if (n instanceof ObjectNode o) out.add(o); });
        return out;
    }

    /** The rules used when no script is configured. */
    static List<ObjectNode> ruleItems(List<ObjectNode> input) {
        ObjectNode last = input.isEmpty() ? null : input.getLast();
        List<ObjectNode> out = new ArrayList<>();
        if (last != null && last.path("type").asText().endsWith("call_output")) {
            JsonNode o = last.get("output");
            String output = o == null ? "" : o.isTextual() ? o.asText() : o.toString();
            if (output.contains("rejected by user")) {
                out.add(message("Understood: you declined, so I did not do it. Tell me if you want something else."));
                return out;
            }
            java.util.regex.Matcher exit = Pattern.compile("Process exited with code (\\d+)").matcher(output);
            int at = output.indexOf("Output:\n");
            String shown = exit.find() && at >= 0 ? output.substring(at + "Output:\n".length()) : output;
            String head = exit.find(0) ? "The command exited with code " + exit.group(1) + ". Its output:"
                    : "The tool finished. Here is what it reported:";
            out.add(message(head + "\n\n```\n" + firstLines(shown, 20) + "\n```"));
            return out;
        }
        String text = lastUserText(input);
        Matcher run = RUN.matcher(text);
        Matcher create = CREATE.matcher(text);
        if (run.find()) {
            // Not a login shell: a profile written for interactive use has no business in a scripted demo turn.
            ObjectNode args = Json.object().put("cmd", run.group(1)).put("login", false);
            out.add(reasoning("The user wants me to run a command; I will run it in the workspace."));
            out.add(call("exec_command", args));
        } else if (create.find()) {
            StringBuilder patch = new StringBuilder("*** Begin Patch\n*** Add File: ").append(create.group(1)).append('\n');
            for (String line : create.group(2).replace("\\n", "\n").split("\n", -1)) patch.append('+').append(line).append('\n');
            patch.append("*** End Patch\n");
            out.add(reasoning("The user asked for a new file; I will add it with apply_patch."));
            ObjectNode c = Json.object().put("type", "custom_tool_call").put("name", "apply_patch");
            c.put("input", patch.toString());
            out.add(c);
        } else {
            out.add(reasoning("Reading the request and choosing a short answer."));
            out.add(message("Hello from jcodex's offline model. You said: \"" + text.strip()
                    + "\". I can run a command (say: run `ls`) or create a file (say: create file `notes.txt` with `hi`)."));
        }
        return out;
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n", -1);
        if (lines.length <= n) return s.strip();
        return String.join("\n", java.util.Arrays.copyOf(lines, n)) + "\n…";
    }

    private static String lastUserText(List<ObjectNode> input) {
        for (int i = input.size() - 1; i >= 0; i--) {
            ObjectNode item = input.get(i);
            if ("message".equals(item.path("type").asText("message")) && "user".equals(item.path("role").asText())) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode c : item.path("content")) sb.append(c.path("text").asText(""));
                String t = sb.toString();
                if (!t.startsWith("<environment_context>") && !t.startsWith("# AGENTS.md")) return t;
            }
        }
        return "";
    }

    private static ObjectNode message(String text) {
        return Json.object().put("type", "message").put("text", text);
    }

    private static ObjectNode reasoning(String summary) {
        return Json.object().put("type", "reasoning").put("summary", summary);
    }

    private static ObjectNode call(String name, ObjectNode args) {
        return Json.object().put("type", "function_call").put("name", name).put("arguments", args.toString());
    }

    /** Streams one item the way the Responses API does; returns its rough output token count. */
    private long emitItem(ObjectNode spec, String id, ModelStream sink, Cancellation cancel)
            throws InterruptedException, ModelError {
        String type = spec.path("type").asText("message");
        switch (type) {
            case "message" -> {
                List<String> chunks = chunks(spec);
                String msgId = "msg_" + id;
                sink.on(new ResponseEvent.OutputItemAdded(Json.object().put("type", "message").put("id", msgId)
                        .put("role", "assistant")));
                StringBuilder text = new StringBuilder();
                for (String c : chunks) {
                    if (cancel.isCancelled()) throw new ModelError("other", "request cancelled", null, false, null);
                    pause(spec);
                    text.append(c);
                    sink.on(new ResponseEvent.OutputTextDelta(msgId, c));
                }
                ObjectNode done = Json.object().put("type", "message").put("id", msgId).put("role", "assistant");
                done.putArray("content").addObject().put("type", "output_text").put("text", text.toString());
                sink.on(new ResponseEvent.OutputItemDone(done));
                return Math.max(1, text.length() / 4);
            }
            case "reasoning" -> {
                String rid = "rs_" + id;
                String summary = spec.path("summary").asText("");
                sink.on(new ResponseEvent.OutputItemAdded(Json.object().put("type", "reasoning").put("id", rid)));
                sink.on(new ResponseEvent.ReasoningSummaryPartAdded(rid, 0));
                for (String c : split(summary, Math.max(1, spec.path("deltas").asInt(3)))) {
                    pause(spec);
                    sink.on(new ResponseEvent.ReasoningSummaryDelta(rid, c, 0));
                }
                ObjectNode done = Json.object().put("type", "reasoning").put("id", rid);
                done.putArray("summary").addObject().put("type", "summary_text").put("text", summary);
                sink.on(new ResponseEvent.OutputItemDone(done));
                return Math.max(1, summary.length() / 4);
            }
            case "function_call" -> {
                ObjectNode done = Json.object().put("type", "function_call").put("id", "fc_" + id);
                done.put("call_id", spec.path("call_id").asText("call_" + id));
                String name = spec.path("name").asText();
                if (spec.has("mcp_tool")) {
                    name = "mcp__" + spec.path("mcp_tool").path("server").asText() + "__"
                            + spec.path("mcp_tool").path("tool").asText();
                }
                done.put("name", name);
                JsonNode args = spec.get("arguments");
                done.put("arguments", args == null ? "{}" : args.isTextual() ? args.asText() : args.toString());
                sink.on(new ResponseEvent.OutputItemDone(done));
                return 10;
            }
            case "custom_tool_call" -> {
                ObjectNode done = Json.object().put("type", "custom_tool_call").put("id", "ctc_" + id);
                done.put("call_id", spec.path("call_id").asText("call_" + id));
                done.put("name", spec.path("name").asText("apply_patch"));
                done.put("input", spec.path("input").asText(""));
                sink.on(new ResponseEvent.OutputItemDone(done));
                return 10;
            }
            default -> throw new ModelError("other", "offline script has an unknown item type: " + type, null, false, null);
        }
    }

    private void pause(ObjectNode spec) throws InterruptedException {
        long d = spec.path("delta_delay_ms").asLong(deltaDelayMs);
        if (d > 0) Thread.sleep(d);
    }

    private static List<String> chunks(ObjectNode spec) {
        if (spec.get("chunks") instanceof ArrayNode a) {
            List<String> out = new ArrayList<>();
            a.forEach(c -> out.add(c.asText()));
            return out;
        }
        String text = spec.path("text").asText("");
        if (spec.has("deltas")) return split(text, spec.path("deltas").asInt(1));
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) words.add(m.group());
        return words;
    }

    /** Splits {@code s} into {@code n} nearly equal pieces (fewer if the text is shorter). */
    static List<String> split(String s, int n) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        n = Math.min(Math.max(1, n), s.length());
        int len = s.length();
        for (int i = 0; i < n; i++) out.add(s.substring(i * len / n, (i + 1) * len / n));
        return out;
    }

    private static long estimateTokens(ModelRequest r) {
        long chars = 0;
        for (ObjectNode n : r.input()) chars += n.toString().length();
        return Math.max(1, chars / 4);
    }
}
