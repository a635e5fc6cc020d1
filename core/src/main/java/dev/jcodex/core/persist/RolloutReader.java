package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.TurnFailure;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.thread.TurnRecord;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a rollout (ours or one written by Codex 0.169) line by line, never holding the file in memory.
 * Damage from a crash is expected and repaired: an unparsable line (the one being written when the process
 * died) is skipped, and a turn with no end line reads as interrupted, its dangling tool calls answered
 * as aborted so the model history stays valid for the next request.
 */
final class RolloutReader {
    private static final String ABORTED_OUTPUT = "aborted: the turn was cut off before this call finished";

    private final boolean full;
    private String id;
    private long createdAtMs = -1;
    private long lastTs = -1;
    private String cwd = "", model, provider, preview = "", name, source, originator, cliVersion, forkedFrom;
    private String approval, sandboxMode, effort;
    private String historyMode = ThreadSummary.LEGACY, gitSha, gitBranch, gitOriginUrl, threadSource;
    /** Where each turn's model history starts (its size when the turn began); -1 once a compaction replaced it. */
    private final java.util.Map<String, Integer> historyStarts = new java.util.LinkedHashMap<>();
    private TokenUsage usage = TokenUsage.ZERO;
    private final List<TurnRecord> turns = new ArrayList<>();
    private final List<ObjectNode> history = new ArrayList<>();
    private final Set<String> pendingCalls = new LinkedHashSet<>();
    private final Set<String> historyMessageIds = new LinkedHashSet<>();
    private OpenTurn turn;

    private static final class OpenTurn {
        final String id;
        final long startedAtMs;
        int historyStart = -1;
        final List<Item> items = new ArrayList<>();
        final List<Item> legacy = new ArrayList<>();
        TurnFailure failure;

        OpenTurn(String id, long startedAtMs) {
            this.id = id;
            this.startedAtMs = startedAtMs;
        }
    }

    private RolloutReader(boolean full) { this.full = full; }

    /** Only what listing needs (no items, no history). */
    static ThreadSummary summary(Path file, boolean archived) throws IOException {
        return read(file, archived, false).summary();
    }

    static SavedThread load(Path file, boolean archived) throws IOException {
        return read(file, archived, true, null);
    }

    /**
     * The thread as it was at the end of turn {@code lastTurnId} (what a fork through that turn gets).
     * NoSuchElementException when the rollout has no such turn.
     */
    static SavedThread loadThrough(Path file, boolean archived, String lastTurnId) throws IOException {
        return read(file, archived, true, new ForkCut(lastTurnId));
    }

    private static SavedThread read(Path file, boolean archived, boolean full) throws IOException {
        return read(file, archived, full, null);
    }

    private static SavedThread read(Path file, boolean archived, boolean full, ForkCut cut) throws IOException {
        RolloutReader r = new RolloutReader(full);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    n = salvage(line); // a line cut by a crash, perhaps with the next record glued to it
                    if (n == null) continue;
                }
                if (n == null || !n.isObject()) continue;
                if (cut == null) {
                    r.accept(n);
                } else {
                    for (JsonNode kept : cut.accept(n)) r.accept(kept);
                }
            }
        }
        if (cut != null && !cut.found()) throw new java.util.NoSuchElementException("turn not found: " + cut.lastTurnId());
        r.closeTurn(null, r.lastTs, null, true);
        if (r.id == null) r.id = idFromFileName(file);
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        long created = r.createdAtMs >= 0 ? r.createdAtMs : mtime;
        ThreadSummary s = new ThreadSummary(r.id, file.toString(), created, Math.max(created, r.lastTs >= 0 ? r.lastTs : mtime),
                r.cwd, r.model, r.provider, r.preview, r.name, archived, r.source == null ? "vscode" : r.source,
                r.originator, r.cliVersion, r.forkedFrom, r.usage.totalTokens(), size, mtime, r.historyMode, r.gitSha,
                r.gitBranch, r.gitOriginUrl, r.threadSource);
        return new SavedThread(s, r.turns, r.history, r.usage, r.approval, r.sandboxMode, r.effort, r.historyStarts);
    }

    /**
     * A torn write followed by a whole record on the same line (an older writer appended after a failed
     * write without cutting it back): the last record start that parses to the end of the line is kept.
     */
    static JsonNode salvage(String line) {
        for (int i = line.indexOf("{\"timestamp\"", 1); i > 0; i = line.indexOf("{\"timestamp\"", i + 1)) {
            try {
                JsonNode n = Json.MAPPER.readTree(line.substring(i));
                if (n != null && n.isObject()) return n;
            } catch (IOException notHere) {
                // keep looking
            }
        }
        return null;
    }

    static String idFromFileName(Path file) {
        String f = file.getFileName().toString();
        if (!f.startsWith("rollout-") || !f.endsWith(".jsonl") || f.length() < 36 + 6) return null;
        return f.substring(f.length() - 6 - 36, f.length() - 6);
    }

    private void accept(JsonNode line) {
        long ts = parseTs(line.path("timestamp").asText(null));
        if (ts >= 0) lastTs = ts;
        JsonNode p = line.path("payload");
        switch (line.path("type").asText("")) {
            case "session_meta" -> sessionMeta(p.has("meta") ? p.get("meta") : p, ts);
            case "turn_context" -> {
                if (p.hasNonNull("model")) model = p.get("model").asText();
                if (p.hasNonNull("model_provider")) provider = p.get("model_provider").asText();
                if (p.hasNonNull("cwd")) cwd = p.get("cwd").asText();
                if (p.hasNonNull("approval_policy")) approval = p.get("approval_policy").asText();
                // Each turn records its effort; null there means the config default, so it is taken as is.
                if (p.has("effort")) effort = p.get("effort").isTextual() ? p.get("effort").asText() : null;
                JsonNode sp = p.path("sandbox_policy");
                if (sp.isObject() && sp.hasNonNull("type")) sandboxMode = sp.get("type").asText();
                else if (sp.isTextual()) sandboxMode = sp.asText();
            }
            case "response_item" -> { if (full && p.isObject()) responseItem((ObjectNode) p.deepCopy()); }
            case "compacted" -> { if (full) compacted(p); }
            case "event_msg" -> event(p, ts);
            default -> { }
        }
    }

    private void sessionMeta(JsonNode m, long ts) {
        if (id == null && m.hasNonNull("id")) id = m.get("id").asText();
        if (createdAtMs < 0) {
            long t = parseTs(m.path("timestamp").asText(null));
            createdAtMs = t >= 0 ? t : ts;
        }
        if (m.hasNonNull("cwd")) cwd = m.get("cwd").asText();
        if (m.hasNonNull("originator")) originator = m.get("originator").asText();
        if (m.hasNonNull("cli_version")) cliVersion = m.get("cli_version").asText();
        if (m.hasNonNull("model_provider") && provider == null) provider = m.get("model_provider").asText();
        if (m.hasNonNull("model") && model == null) model = m.get("model").asText();
        if (m.hasNonNull("forked_from_id")) forkedFrom = m.get("forked_from_id").asText();
        // Codex 0.171 writes history_mode; jcodex keeps its own under "jcodex" (its lines carry no ordinals).
        String mode = m.path("jcodex").path("history_mode").asText(m.path("history_mode").asText(null));
        if (ThreadSummary.PAGINATED.equals(mode)) historyMode = ThreadSummary.PAGINATED;
        if (m.hasNonNull("thread_source")) threadSource = m.get("thread_source").asText();
        JsonNode git = m.path("git");
        if (git.isObject()) {
            gitSha = git.path("commit_hash").asText(null);
            gitBranch = git.path("branch").asText(null);
            gitOriginUrl = git.path("repository_url").asText(null);
        }
        JsonNode src = m.path("source");
        if (src.isTextual()) source = src.asText();
        else if (src.isObject() && src.fieldNames().hasNext()) source = src.fieldNames().next();
    }

    private void responseItem(ObjectNode item) {
        item.remove("internal_chat_message_metadata_passthrough");
        String type = item.path("type").asText("");
        switch (type) {
            case "function_call", "custom_tool_call", "local_shell_call" -> {
                if (item.hasNonNull("call_id")) pendingCalls.add(item.get("call_id").asText());
            }
            case "function_call_output", "custom_tool_call_output" -> pendingCalls.remove(item.path("call_id").asText());
            case "message" -> { if (item.hasNonNull("id")) historyMessageIds.add(item.get("id").asText()); }
            default -> { }
        }
        history.add(item);
    }

    private void compacted(JsonNode p) {
        historyStarts.replaceAll((k, v) -> -1);
        if (turn != null) turn.historyStart = -1;
        history.clear();
        pendingCalls.clear();
        if (p.path("replacement_history").isArray()) {
            for (JsonNode h : p.get("replacement_history")) if (h.isObject()) history.add((ObjectNode) h.deepCopy());
        } else if (p.hasNonNull("message")) {
            history.add(userMessage(p.get("message").asText()));
        }
    }

    private void event(JsonNode p, long ts) {
        switch (p.path("type").asText("")) {
            case "task_started", "turn_started" -> {
                closeTurn(null, ts, null, true);
                long started = p.hasNonNull("started_at") ? p.get("started_at").asLong() * 1000 : ts;
                turn = new OpenTurn(p.path("turn_id").asText(dev.jcodex.core.util.Ids.uuidV7()), started);
                turn.historyStart = full ? history.size() : -1;
            }
            case "item_completed" -> {
                JsonNode item = p.path("item");
                long started = p.path("started_at_ms").asLong(ts);
                Long completed = p.hasNonNull("completed_at_ms") ? p.get("completed_at_ms").asLong() : ts;
                Item it = ItemCodec.decode(item, started, completed);
                if (it == null) return;
                if (preview.isEmpty() && it instanceof Item.UserMessage u) preview = firstText(u.content());
                if (full) ensureTurn(p.path("turn_id").asText(null), ts).items.add(it);
            }
            case "user_message" -> {
                String text = p.path("message").asText("");
                if (preview.isEmpty()) preview = text;
                if (full) ensureTurn(null, ts).legacy.add(new Item.UserMessage(dev.jcodex.core.util.Ids.uuidV7(),
                        List.of(new InputPart.Text(text)), ts, ts));
            }
            case "agent_message" -> {
                if (full) ensureTurn(null, ts).legacy.add(new Item.AgentMessage("msg_" + dev.jcodex.core.util.Ids.uuidV7(),
                        p.path("message").asText(""), null, ts, ts));
            }
            case "token_count" -> {
                JsonNode t = p.path("info").path("total_token_usage");
                if (t.isObject()) usage = new TokenUsage(t.path("input_tokens").asLong(), t.path("cached_input_tokens").asLong(),
                        t.path("output_tokens").asLong(), t.path("reasoning_output_tokens").asLong(), t.path("total_tokens").asLong());
            }
            case "error" -> {
                if (turn != null) turn.failure = new TurnFailure(p.path("message").asText(""),
                        p.path("codex_error_info").asText("other"), null, null);
            }
            case "task_complete", "turn_complete" -> closeTurn(p, ts, TurnStatus.COMPLETED, false);
            case "turn_aborted" -> closeTurn(p, ts, TurnStatus.INTERRUPTED, false);
            case "thread_name_updated" -> name = p.hasNonNull("thread_name") ? p.get("thread_name").asText() : null;
            case "thread_git_info_updated" -> {
                gitSha = p.path("sha").asText(null);
                gitBranch = p.path("branch").asText(null);
                gitOriginUrl = p.path("origin_url").asText(null);
            }
            case "thread_rolled_back" -> rollBack(p.path("before_turn_id").asText(null), p.path("num_turns").asInt(0), ts);
            default -> { }
        }
    }

    /**
     * A revert: turn {@code beforeTurnId} (jcodex's marker) or the last {@code count} turns (Codex's) and all
     * later ones leave the turn list, and the model history goes back to what it was when that turn began.
     * Across a compaction the history cannot be cut exactly and is kept (jcodex refuses such reverts; a
     * Codex-written marker may still name one).
     */
    private void rollBack(String beforeTurnId, int count, long ts) {
        closeTurn(null, ts, null, true);
        if (!full) return;
        int from = -1;
        if (beforeTurnId != null) {
            for (int i = 0; i < turns.size(); i++) if (turns.get(i).id().equals(beforeTurnId)) { from = i; break; }
        } else if (count > 0) {
            from = Math.max(0, turns.size() - count);
        }
        if (from < 0 || from >= turns.size()) return;
        Integer start = historyStarts.get(turns.get(from).id());
        if (start != null && start >= 0 && start <= history.size()) {
            history.subList(start, history.size()).clear();
            pendingCalls.clear();
            historyMessageIds.clear();
            for (ObjectNode h : history) if ("message".equals(h.path("type").asText()) && h.hasNonNull("id")) historyMessageIds.add(h.get("id").asText());
        }
        for (TurnRecord gone : turns.subList(from, turns.size())) historyStarts.remove(gone.id());
        turns.subList(from, turns.size()).clear();
    }

    private OpenTurn ensureTurn(String turnId, long ts) {
        if (turn == null) turn = new OpenTurn(turnId != null ? turnId : dev.jcodex.core.util.Ids.uuidV7(), ts);
        return turn;
    }

    /** Ends the open turn; {@code cutOff} when no end line was written (the process died mid-turn). */
    private void closeTurn(JsonNode end, long ts, TurnStatus status, boolean cutOff) {
        if (turn == null) return;
        OpenTurn t = turn;
        turn = null;
        if (!full) return;
        List<Item> items = t.items.isEmpty() ? t.legacy : t.items;
        if (cutOff) {
            status = TurnStatus.INTERRUPTED;
            repairHistory(items, t.id);
        } else if (status == TurnStatus.COMPLETED && t.failure != null) {
            status = TurnStatus.FAILED;
        }
        long completedMs = end != null && end.hasNonNull("completed_at") ? end.get("completed_at").asLong() * 1000 : ts;
        Long duration = end != null && end.hasNonNull("duration_ms") ? end.get("duration_ms").asLong()
                : Math.max(0, completedMs - t.startedAtMs);
        Item last = null;
        for (Item i : items) if (i instanceof Item.AgentMessage) last = i;
        TurnInfo info = new TurnInfo(t.id, status, status == TurnStatus.FAILED ? t.failure : null,
                last == null ? List.of() : List.of(last), t.startedAtMs / 1000, completedMs / 1000, duration);
        turns.add(new TurnRecord(t.id, new ArrayList<>(items), info));
        historyStarts.put(t.id, t.historyStart);
    }

    /**
     * Makes the history of a cut-off turn something the model accepts and that keeps what the user saw:
     * answers to calls that never got one, the agent messages that completed, and the interruption marker.
     */
    private void repairHistory(List<Item> items, String turnId) {
        for (Item i : items) {
            if (i instanceof Item.AgentMessage m && !historyMessageIds.contains(m.id()) && !m.text().isEmpty()) {
                ObjectNode msg = Json.object().put("type", "message").put("role", "assistant").put("id", m.id());
                msg.putArray("content").addObject().put("type", "output_text").put("text", m.text());
                history.add(msg);
                historyMessageIds.add(m.id());
            }
        }
        for (String call : List.copyOf(pendingCalls)) {
            boolean custom = false;
            for (ObjectNode h : history) {
                if (call.equals(h.path("call_id").asText(null)) && "custom_tool_call".equals(h.path("type").asText())) custom = true;
            }
            history.add(Json.object().put("type", custom ? "custom_tool_call_output" : "function_call_output")
                    .put("call_id", call).put("output", ABORTED_OUTPUT));
        }
        pendingCalls.clear();
        history.add(userMessage("<turn_aborted>\nThe previous turn " + turnId
                + " was cut off (the agent process stopped). Anything it was doing was stopped.\n</turn_aborted>"));
    }

    private static ObjectNode userMessage(String text) {
        ObjectNode msg = Json.object().put("type", "message").put("role", "user");
        msg.putArray("content").addObject().put("type", "input_text").put("text", text);
        return msg;
    }

    static String firstText(List<InputPart> parts) {
        for (InputPart p : parts) if (p instanceof InputPart.Text t) return t.text();
        return "";
    }

    static long parseTs(String s) {
        if (s == null || s.isEmpty()) return -1;
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
