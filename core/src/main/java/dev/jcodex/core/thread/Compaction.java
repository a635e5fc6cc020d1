package dev.jcodex.core.thread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.Cancellation;
import dev.jcodex.core.model.ModelClient;
import dev.jcodex.core.model.ModelError;
import dev.jcodex.core.model.ModelRequest;
import dev.jcodex.core.model.ResponseEvent;
import dev.jcodex.core.model.ResponsesClient;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.util.Ids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Shrinks a thread's model history when it nears the context window: the same model is asked for a hand-off
 * summary, and the history becomes fresh initial context + the most recent user messages (bounded) + that
 * summary. Earlier summaries are not carried over as messages (the new one already covers them), so summaries
 * never stack. Shown as a {@code contextCompaction} item of the running turn; a failure propagates as a
 * {@link ModelError} and the turn ends failed with the item closed and the history untouched.
 */
final class Compaction {
    static final String DEFAULT_PROMPT = """
            Stop here: the conversation is about to be cut down to fit the context window, and another instance \
            of you will continue the work from a short hand-off note. Write that note now. Do not call tools.
            Include:
            - what the user asked for, with constraints and preferences they stated;
            - what has been done so far: files touched, commands run and what they showed, decisions and why;
            - the current state: what works, what fails, open errors;
            - the concrete next steps, in order.
            Be specific (paths, names, exact error text) and brief; leave out anything the next instance can \
            rediscover cheaply.""";

    /** Put in front of the summary so the model reading the rebuilt history knows where it came from. */
    static final String BRIDGE_PREFIX = "Earlier parts of this conversation were condensed to save context. "
            + "Hand-off notes written from the full conversation follow; continue the task from them.\n\n";

    /** How much of the recent user messages the rebuilt history keeps, in (estimated) tokens. */
    static final int USER_MESSAGE_BUDGET_TOKENS = 20_000;
    private static final int MAX_TRIMS = 64;

    private Compaction() {}

    /** The token count at which the thread compacts: the configured limit, else 90 % of the window. */
    static long autoCompactLimit(Config c, long contextWindow) {
        long configured = c.number("model_auto_compact_token_limit", -1);
        if (configured > 0) return configured;
        return contextWindow * 9 / 10;
    }

    /** Rough token estimate (about four characters a token), used where no server count exists. */
    static long estimateTokens(List<ObjectNode> items) {
        long chars = 0;
        for (ObjectNode o : items) chars += o.toString().length();
        return chars / 4;
    }

    /** Runs one compaction inside the turn behind {@code ctx}; throws when the summary request fails. */
    static void run(AgentThread thread, TurnContext ctx, ModelClient model, ThreadSettings settings,
                    Cancellation cancellation) throws ModelError, InterruptedException {
        long started = System.currentTimeMillis();
        String itemId = Ids.uuidV7();
        ctx.itemStarted(new Item.ContextCompaction(itemId, started, null));
        String prompt = thread.config().string("compact_prompt", null);
        if (prompt == null || prompt.isBlank()) prompt = DEFAULT_PROMPT;

        List<ObjectNode> history = new ArrayList<>(thread.historySnapshot());
        int keepFromStart = initialContextLength(history);
        Summary summary = null;
        int trims = 0;
        int retries = 0;
        while (summary == null) {
            if (cancellation.isCancelled()) throw new InterruptedException("interrupted");
            List<ObjectNode> input = new ArrayList<>(history);
            input.add(InitialContext.message("user", prompt));
            ModelRequest req = new ModelRequest(settings.model(), "", input, List.of(), settings.reasoningEffort(),
                    settings.reasoningSummary(), null, thread.id(), thread.id(), ctx.turnId(), thread.originator());
            Summary attempt = new Summary();
            try {
                model.stream(req, RetryNotices.forwarding(attempt::on, thread, ctx.turnId()), cancellation);
                summary = attempt;
            } catch (ModelError e) {
                if ("contextWindowExceeded".equals(e.kind()) && history.size() > keepFromStart && trims < MAX_TRIMS) {
                    // Even the summary request is too big: drop the oldest conversation item and ask again.
                    history.remove(keepFromStart);
                    dropOrphanOutputs(history, keepFromStart);
                    trims++;
                    continue;
                }
                int max = thread.config().provider(settings.modelProvider()).streamMaxRetries();
                if (e.isStreamDisconnect() && !cancellation.isCancelled() && retries < max) {
                    retries++;
                    long delay = ResponsesClient.backoffMs(retries);
                    RetryNotices.announce(thread, ctx.turnId(), retries, max, delay, e);
                    if (!cancellation.sleep(delay)) throw new InterruptedException("interrupted");
                    continue;
                }
                throw e;
            }
        }
        String text = summary.text();
        if (text.isBlank()) {
            throw new ModelError("other", "compaction failed: the model returned an empty summary", null, false, null);
        }
        if (!summary.usage.equals(TokenUsage.ZERO)) thread.addUsage(ctx.turnId(), summary.usage);

        List<ObjectNode> rebuilt = new ArrayList<>(
                thread.manager().initialContext(thread, settings));
        rebuilt.addAll(recentUserMessages(thread.historySnapshot(), USER_MESSAGE_BUDGET_TOKENS));
        rebuilt.add(InitialContext.message("user", BRIDGE_PREFIX + text));
        thread.replaceHistory(rebuilt, text, estimateTokens(rebuilt));
        ctx.itemCompleted(new Item.ContextCompaction(itemId, started, System.currentTimeMillis()));
    }

    /** The newest real user messages (not context, markers or earlier summaries), oldest first, within budget. */
    static List<ObjectNode> recentUserMessages(List<ObjectNode> history, int budgetTokens) {
        Deque<ObjectNode> kept = new ArrayDeque<>();
        long remainingChars = (long) budgetTokens * 4;
        for (int i = history.size() - 1; i >= 0 && remainingChars > 0; i--) {
            ObjectNode item = history.get(i);
            if (!"message".equals(item.path("type").asText()) || !"user".equals(item.path("role").asText())) continue;
            String text = textOf(item);
            if (text.isBlank() || isSynthetic(text)) continue;
            if (text.length() > remainingChars) text = text.substring(0, (int) remainingChars) + "\n[truncated]";
            remainingChars -= text.length();
            // Images are dropped: a data URL would eat the budget and the summary describes what they showed.
            kept.addFirst(InitialContext.message("user", text));
        }
        return new ArrayList<>(kept);
    }

    private static boolean isSynthetic(String text) {
        String t = text.stripLeading();
        return t.startsWith("<environment_context>") || t.startsWith("# AGENTS.md instructions")
                || t.startsWith("<user_instructions>") || t.startsWith("<turn_aborted>")
                || t.startsWith(BRIDGE_PREFIX.strip().substring(0, 40));
    }

    private static String textOf(ObjectNode message) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : message.path("content")) {
            if (c.has("text")) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(c.get("text").asText());
            }
        }
        return sb.toString();
    }

    /** The developer/context messages that open the history (kept when trimming an oversized summary request). */
    private static int initialContextLength(List<ObjectNode> history) {
        int n = 0;
        for (ObjectNode item : history) {
            String role = item.path("role").asText();
            if ("developer".equals(role) || ("user".equals(role) && isSynthetic(textOf(item))
                    && !textOf(item).startsWith("<turn_aborted>"))) n++;
            else break;
        }
        return n;
    }

    /** After trimming, a tool output whose call was dropped would make the request invalid: drop it too. */
    private static void dropOrphanOutputs(List<ObjectNode> history, int from) {
        java.util.Set<String> calls = new java.util.HashSet<>();
        for (int i = from; i < history.size(); i++) {
            ObjectNode item = history.get(i);
            String type = item.path("type").asText();
            if (type.endsWith("_call")) calls.add(item.path("call_id").asText());
            else if (type.endsWith("_call_output") && !calls.contains(item.path("call_id").asText())) {
                history.remove(i--);
            }
        }
    }

    /** Collects the summary text and usage of the compaction request. */
    private static final class Summary {
        final StringBuilder deltas = new StringBuilder();
        final StringBuilder done = new StringBuilder();
        TokenUsage usage = TokenUsage.ZERO;

        void on(ResponseEvent ev) {
            switch (ev) {
                case ResponseEvent.OutputTextDelta d -> deltas.append(d.delta());
                case ResponseEvent.OutputItemDone d -> {
                    ObjectNode item = d.item();
                    if ("message".equals(item.path("type").asText())
                            && "assistant".equals(item.path("role").asText("assistant"))) {
                        for (JsonNode c : item.path("content")) if (c.has("text")) done.append(c.get("text").asText());
                    }
                }
                case ResponseEvent.Completed c -> usage = c.usage() == null ? TokenUsage.ZERO : c.usage();
                default -> { }
            }
        }

        String text() { return (done.isEmpty() ? deltas : done).toString().strip(); }
    }
}
