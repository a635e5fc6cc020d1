package dev.jcodex.core.thread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.event.TurnFailure;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.Cancellation;
import dev.jcodex.core.model.ModelClient;
import dev.jcodex.core.model.ModelError;
import dev.jcodex.core.model.ModelRequest;
import dev.jcodex.core.model.ResponseEvent;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.tools.ToolCall;
import dev.jcodex.core.tools.ToolOutput;
import dev.jcodex.core.tools.ToolRegistry;
import dev.jcodex.core.util.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one turn: sample the model with the whole history, run the tool calls it makes, feed the results
 * back, and repeat until a response has no tool calls. Every item it starts is completed and the turn
 * always ends with {@link Event.TurnCompleted}, whatever happens (error, interrupt, retry, crash of a tool).
 */
public final class TurnRunner implements Runnable {
    private final AgentThread thread;
    private final String turnId;
    private final List<InputPart> input;
    private final ThreadSettings settings;
    private final ModelClient model;
    private final ToolRegistry tools;
    private final Object outputSchema;
    /** A thread/compact/start turn: it compacts the history and nothing else. */
    private final boolean compactOnly;
    private final Cancellation cancellation = new Cancellation();
    private final TurnContext ctx;
    private final long startedAtMs = System.currentTimeMillis();
    private volatile Item.AgentMessage lastAgentMessage;
    /** Set for a review turn: its own conversation, hidden agent messages, entered/exited review items. */
    private final ReviewSession review;
    /** Set for a turn that runs one piece of work instead of sampling the model (a user shell command). */
    private final TurnBody body;

    /** Work a turn runs in place of the model loop; it reports through the context's items. */
    public interface TurnBody {
        void run(TurnContext ctx) throws InterruptedException;
    }
    /** Input added by turn/steer, taken in before the next model request; guarded by {@code this}. */
    private final List<List<InputPart>> steered = new ArrayList<>();
    private boolean acceptingInput = true;
    /** History from work attached to this turn (user shell commands), taken in like steered input. */
    private final List<ObjectNode> injected = new ArrayList<>();
    /** Attached work still running; the turn does not end before it reports. Guarded by {@code this}. */
    private int attached;
    /** The model response streaming now (null between requests) and whether a steer cut it; guarded by {@code this}. */
    private Cancellation streaming;
    private boolean cutBySteer;

    TurnRunner(AgentThread thread, String turnId, List<InputPart> input, ThreadSettings settings, ModelClient model,
               ToolRegistry tools, Object outputSchema) {
        this(thread, turnId, input, settings, model, tools, outputSchema, null, null);
    }

    TurnRunner(AgentThread thread, String turnId, List<InputPart> input, ThreadSettings settings, ModelClient model,
               ToolRegistry tools, Object outputSchema, ReviewSession review, TurnBody body) {
        this(thread, turnId, input, settings, model, tools, outputSchema, review, body, false);
    }

    TurnRunner(AgentThread thread, String turnId, List<InputPart> input, ThreadSettings settings, ModelClient model,
               ToolRegistry tools, Object outputSchema, ReviewSession review, TurnBody body, boolean compactOnly) {
        this.compactOnly = compactOnly;
        this.review = review;
        this.body = body;
        this.thread = thread;
        this.turnId = turnId;
        this.input = input;
        this.settings = settings;
        this.model = model;
        this.tools = tools;
        this.outputSchema = outputSchema;
        this.ctx = new TurnContext(thread, turnId, settings, cancellation);
    }

    public String turnId() { return turnId; }

    public TurnContext context() { return ctx; }

    /** A review turn (not steerable: it follows its own script). */
    public boolean isReview() { return review != null; }

    /** A turn running a {@link TurnBody} (a user shell command) rather than the model. */
    public boolean isTask() { return body != null; }

    TurnInfo startInfo(boolean started) {
        return new TurnInfo(turnId, TurnStatus.IN_PROGRESS, null, List.of(), started ? startedAtMs / 1000 : null,
                null, null);
    }

    void interrupt() { cancellation.cancel(); }

    /** Appends input to this running turn; false once the turn has stopped taking input (it is ending). */
    synchronized boolean steer(List<InputPart> more) {
        if (review != null || body != null) return false;
        if (!acceptingInput || cancellation.isCancelled()) return false;
        steered.add(List.copyOf(more));
        return true;
    }

    /**
     * After a steer was answered: as Codex does, the rest of a response still streaming is dropped and the
     * next request carries the steer at once (rather than after the model has finished saying what the user
     * just redirected). Nothing to cut once the steer has been taken into a request.
     */
    void cutForSteer() {
        Cancellation cut;
        synchronized (this) {
            if (streaming == null || steered.isEmpty()) return;
            cutBySteer = true;
            cut = streaming;
        }
        // Closing an HTTP response body can block for a while (measured ~250 ms): neither the client's
        // connection nor this turn (which takes this lock) waits for it.
        Thread.ofVirtual().name("steer-cut-" + turnId).start(cut::cancel);
    }

    /** What arrived for the running turn since the last model request: steered input, attached results. */
    private record Pending(List<List<InputPart>> inputs, List<ObjectNode> history) {
        boolean isEmpty() { return inputs.isEmpty() && history.isEmpty(); }
    }

    /**
     * Takes what arrived; with {@code close}, nothing pending also stops further input. Closing first waits
     * for attached work (a user command started during the turn is part of it; an interrupt kills it).
     */
    private synchronized Pending takeSteered(boolean close) {
        while (close && attached > 0 && steered.isEmpty() && injected.isEmpty() && !cancellation.isCancelled()) {
            try {
                wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (steered.isEmpty() && injected.isEmpty()) {
            if (close) acceptingInput = false;
            return new Pending(List.of(), List.of());
        }
        Pending out = new Pending(List.copyOf(steered), List.copyOf(injected));
        steered.clear();
        injected.clear();
        return out;
    }

    /** Work running alongside this turn (a user shell command): its items belong to the turn. */
    public final class Attachment {
        private boolean done;

        public TurnContext context() { return ctx; }

        /**
         * Reports the work finished, with the history entry the model should see (or null). Returns false
         * when the turn had already stopped taking input: the caller records the entry itself.
         */
        public boolean finish(ObjectNode historyItem) {
            synchronized (TurnRunner.this) {
                if (done) return false;
                done = true;
                attached--;
                TurnRunner.this.notifyAll();
                if (historyItem == null) return true;
                if (!acceptingInput) return false;
                injected.add(historyItem);
                return true;
            }
        }
    }

    /** Gives attached work (killed by an interrupt) a moment to report its own end before the turn closes it. */
    private synchronized void awaitAttached(long maxMs) {
        long deadline = System.currentTimeMillis() + maxMs;
        while (attached > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return;
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Attaches work to this turn; null when it is a review or task turn, or no longer takes input. */
    synchronized Attachment attach() {
        if (review != null || body != null || !acceptingInput || cancellation.isCancelled()) return null;
        attached++;
        return new Attachment();
    }

    private void recordSteered(Pending pending) {
        if (!pending.history().isEmpty()) thread.appendHistory(pending.history());
        for (List<InputPart> in : pending.inputs()) {
            long now = System.currentTimeMillis();
            Item.UserMessage user = new Item.UserMessage(Ids.uuidV7(), in, now, null);
            ctx.itemStarted(user);
            thread.appendUserInput(in, settings);
            ctx.itemCompleted(new Item.UserMessage(user.id(), in, now, System.currentTimeMillis()));
        }
    }

    @Override
    public void run() {
        TurnStatus status = TurnStatus.COMPLETED;
        TurnFailure failure = null;
        try {
            thread.emit(new Event.ThreadStatusChanged(thread.id(), ThreadState.ACTIVE));
            thread.emit(new Event.TurnStarted(thread.id(), startInfo(true)));
            if (body != null) {
                body.run(ctx);
                return;
            }
            if (compactOnly) {
                Compaction.run(thread, ctx, model, settings, cancellation);
                return;
            }
            if (review != null) {
                review.begin(ctx, settings);
            } else {
                long now = System.currentTimeMillis();
                Item.UserMessage user = new Item.UserMessage(Ids.uuidV7(), input, now, null);
                ctx.itemStarted(user);
                thread.appendUserInput(input, settings);
                ctx.itemCompleted(new Item.UserMessage(user.id(), input, now, System.currentTimeMillis()));
                compactIfNeeded();
            }
            loop();
        } catch (InterruptedException e) {
            status = TurnStatus.INTERRUPTED;
        } catch (ModelError e) {
            if (cancellation.isCancelled()) {
                status = TurnStatus.INTERRUPTED;
            } else {
                status = TurnStatus.FAILED;
                failure = new TurnFailure(e.getMessage(), e.kind(), e.httpStatus(), e.details());
                if ("contextWindowExceeded".equals(e.kind())) thread.compactBeforeNextTurn();
            }
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                status = TurnStatus.INTERRUPTED;
            } else {
                status = TurnStatus.FAILED;
                failure = new TurnFailure("internal error: " + e, "other", null, null);
                e.printStackTrace(System.err);
            }
        } finally {
            if (status == TurnStatus.COMPLETED && cancellation.isCancelled()) status = TurnStatus.INTERRUPTED;
            finish(status, failure);
        }
    }

    private void loop() throws ModelError, InterruptedException {
        int streamRetries = 0;
        while (true) {
            if (cancellation.isCancelled()) throw new InterruptedException("interrupted");
            Attempt attempt = new Attempt();
            ModelRequest req = new ModelRequest(settings.model(), review != null ? review.instructions() : "",
                    review != null ? review.conversation() : thread.historySnapshot(), tools.specs(),
                    settings.reasoningEffort(), settings.reasoningSummary(), outputSchema, thread.id(), thread.id(),
                    turnId, thread.originator());
            try {
                stream(req, attempt);
            } catch (ModelError e) {
                attempt.closeOpen();
                if (takeCut() && !cancellation.isCancelled()) {
                    // Cut by turn/steer: what completed stays (tool calls that arrived run, so each has its
                    // output); the unfinished rest is gone, and the steer goes out with the next request.
                    streamRetries = 0;
                    thread.announceUsage(turnId);
                    reportRateLimits(attempt);
                    record(attempt.output);
                    if (!attempt.calls.isEmpty()) {
                        runTools(attempt.calls);
                        tools.roundEnded(ctx);
                    }
                    recordSteered(takeSteered(false));
                    compactIfNeeded();
                    continue;
                }
                int max = thread.config().provider(settings.modelProvider()).streamMaxRetries();
                if (e.isStreamDisconnect() && !cancellation.isCancelled() && streamRetries < max) {
                    streamRetries++;
                    long delay = dev.jcodex.core.model.ResponsesClient.backoffMs(streamRetries);
                    RetryNotices.announce(thread, turnId, streamRetries, max, delay, e);
                    if (!cancellation.sleep(delay)) throw new InterruptedException("interrupted");
                    continue;
                }
                throw e;
            }
            streamRetries = 0;
            record(attempt.output);
            if (attempt.calls.isEmpty()) {
                thread.addUsage(turnId, attempt.usage);
                reportRateLimits(attempt);
                tools.roundEnded(ctx);
                Pending more = takeSteered(true);
                if (more.isEmpty()) return;
                recordSteered(more);
                continue;
            }
            try {
                runTools(attempt.calls);
            } finally {
                // Reported once the round's tools are done (as Codex does), also when they were interrupted.
                thread.addUsage(turnId, attempt.usage);
                reportRateLimits(attempt);
            }
            tools.roundEnded(ctx);
            recordSteered(takeSteered(false));
            compactIfNeeded();
        }
    }

    /** One model request on a cancellation of its own: an interrupt ends it, and so does a steer. */
    private void stream(ModelRequest req, Attempt attempt) throws ModelError, InterruptedException {
        Cancellation stream = new Cancellation();
        AutoCloseable link = cancellation.onCancel(stream::cancel);
        synchronized (this) {
            streaming = stream;
            cutBySteer = false;
        }
        try {
            // retry notices reach the client; the stream's cancellation (turn interrupt or steer) cuts a backoff
            model.stream(req, RetryNotices.forwarding(attempt::on, thread, turnId), stream);
        } finally {
            synchronized (this) {
                streaming = null;
            }
            try {
                link.close();
            } catch (Exception ignored) {
                // unregistering a callback does not fail
            }
        }
    }

    private synchronized boolean takeCut() {
        boolean cut = cutBySteer;
        cutBySteer = false;
        return cut;
    }

    /** After the usage, as Codex orders them: the rate limits the response's headers stated. */
    private void reportRateLimits(Attempt attempt) {
        for (var r : attempt.rateLimits) thread.emit(new Event.RateLimitsUpdated(thread.id(), turnId, r));
    }

    /** Auto-compaction: before the turn's first request and after each tool round, when the context is full. */
    private void compactIfNeeded() throws ModelError, InterruptedException {
        // A review samples its own conversation; the thread's history is not what fills its window.
        if (review == null && thread.needsCompaction(settings.model())) Compaction.run(thread, ctx, model, settings, cancellation);
    }

    private void runTools(List<ToolCall> calls) throws InterruptedException {
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            ToolOutput out;
            try {
                if (cancellation.isCancelled()) throw new InterruptedException("interrupted");
                out = tools.dispatch(call, ctx);
            } catch (RuntimeException e) {
                e.printStackTrace(System.err);
                out = new ToolOutput("tool " + call.name() + " failed: " + e.getMessage(), false);
            } catch (InterruptedException e) {
                // Every call in the history needs its output, or the next request is refused.
                for (ToolCall rest : calls.subList(i, calls.size())) {
                    record(List.of(new ToolOutput("aborted: the user interrupted the turn", false)
                            .toResponseItem(rest)));
                }
                throw e;
            }
            record(List.of(out.toResponseItem(call)));
        }
    }

    /** Model output and tool results: the thread's history, or a review's own conversation. */
    private void record(List<ObjectNode> items) {
        if (review != null) review.append(items);
        else thread.appendHistory(items);
    }

    private void finish(TurnStatus status, TurnFailure failure) {
        awaitAttached(2000);
        Pending left = takeSteered(true);
        if (!left.history().isEmpty()) thread.appendHistory(left.history());
        long now = System.currentTimeMillis();
        for (Item open : List.copyOf(ctx.openItems().values())) ctx.completeIfOpen(OpenItems.close(open, now));
        Item.AgentMessage reviewMessage = null;
        if (review != null) {
            reviewMessage = review.end(ctx, thread, thread.settings(), status, failure,
                    lastAgentMessage == null ? null : lastAgentMessage.text());
        } else if (status == TurnStatus.INTERRUPTED && body == null) {
            thread.recordInterruption(turnId);
        }
        now = System.currentTimeMillis();
        Item.AgentMessage last = review != null ? reviewMessage : lastAgentMessage;
        List<Item> summary = last == null ? List.of() : List.of(last);
        TurnInfo done = new TurnInfo(turnId, status, failure, summary, startedAtMs / 1000, now / 1000, now - startedAtMs);
        thread.emit(thread.readState()); // before the status, as Codex orders it
        if (failure != null) {
            thread.emit(new Event.ThreadStatusChanged(thread.id(), ThreadState.SYSTEM_ERROR));
            thread.emit(new Event.Error(thread.id(), turnId, failure, false));
        } else {
            thread.emit(new Event.ThreadStatusChanged(thread.id(), ThreadState.IDLE));
        }
        thread.turnEnded(this, done);
        thread.emit(new Event.TurnCompleted(thread.id(), done));
    }

    /** One model request: translates stream events into items and collects output for the history. */
    private final class Attempt {
        final List<ObjectNode> output = new ArrayList<>();
        final List<ToolCall> calls = new ArrayList<>();
        final Map<String, StringBuilder> texts = new HashMap<>();
        final Map<String, List<StringBuilder>> summaries = new HashMap<>();
        final Map<String, Long> started = new HashMap<>();
        /**
         * The message and reasoning item that events without an {@code item_id} belong to: the last one opened
         * and not yet done. Gateways and OpenAI-compatible servers send deltas with no id (and no
         * output_index); they continue the open item rather than starting one each.
         */
        String openMessage;
        String openReasoning;
        /** Ids this attempt made up for items the stream never named; the item's done event adopts them. */
        final java.util.Set<String> madeUp = new java.util.HashSet<>();
        TokenUsage usage = TokenUsage.ZERO;
        List<dev.jcodex.core.model.RateLimits> rateLimits = List.of();

        void on(ResponseEvent ev) {
            switch (ev) {
                case ResponseEvent.Created c -> { }
                case ResponseEvent.OutputItemAdded a -> added(a.item());
                case ResponseEvent.OutputTextDelta d -> {
                    String id = messageFor(d.itemId());
                    StringBuilder sb = texts.get(id);
                    sb.append(d.delta());
                    if (review == null) {
                        ctx.itemPartial(id, () -> new Item.AgentMessage(id, sb.toString(), null, started.get(id), null));
                        thread.emit(new Event.AgentMessageDelta(thread.id(), turnId, id, d.delta()));
                    }
                }
                case ResponseEvent.ReasoningSummaryPartAdded p -> {
                    String id = reasoningFor(p.itemId());
                    List<StringBuilder> parts = summaries.get(id);
                    while (parts.size() <= p.summaryIndex()) parts.add(new StringBuilder());
                    thread.emit(new Event.ReasoningSummaryPartAdded(thread.id(), turnId, id, p.summaryIndex()));
                }
                case ResponseEvent.ReasoningSummaryDelta d -> {
                    String id = reasoningFor(d.itemId());
                    List<StringBuilder> parts = summaries.get(id);
                    while (parts.size() <= d.summaryIndex()) parts.add(new StringBuilder());
                    parts.get(d.summaryIndex()).append(d.delta());
                    ctx.itemPartial(id, () -> new Item.Reasoning(id, summaryTexts(id), List.of(), started.get(id), null));
                    thread.emit(new Event.ReasoningSummaryDelta(thread.id(), turnId, id, d.delta(), d.summaryIndex()));
                }
                case ResponseEvent.ReasoningContentDelta d -> {
                    String id = reasoningFor(d.itemId());
                    thread.emit(new Event.ReasoningContentDelta(thread.id(), turnId, id, d.delta(), d.contentIndex()));
                }
                case ResponseEvent.OutputItemDone d -> done(d.item());
                case ResponseEvent.Completed c -> {
                    usage = c.usage();
                    finishOpen();
                }
                case ResponseEvent.RateLimitsReported r -> rateLimits = r.limits();
            }
        }

        /** {@code action.query} (or the first of {@code action.queries}), else the page it opened. */
        private static String webSearchQuery(ObjectNode item) {
            JsonNode a = item.path("action");
            if (a.hasNonNull("query")) return a.get("query").asText();
            if (a.path("queries").isArray() && !a.get("queries").isEmpty()) return a.get("queries").get(0).asText();
            return a.path("url").asText("");
        }

        private void added(ObjectNode item) {
            String type = item.path("type").asText();
            String id = named(item.path("id").asText(null));
            if ("message".equals(type)) openMessage = ensureMessage(id);
            else if ("reasoning".equals(type)) openReasoning = ensureReasoning(id);
            else if ("web_search_call".equals(type) && id != null && started.putIfAbsent(id, System.currentTimeMillis()) == null) {
                ctx.itemStarted(new Item.WebSearch(id, "", started.get(id), null));
            }
        }

        /** The message a text delta continues: its own id, else the open message, else a new one. */
        private String messageFor(String itemId) {
            String id = named(itemId);
            if (id == null) return openMessage != null ? openMessage : (openMessage = ensureMessage(null));
            if (!texts.containsKey(id)) openMessage = ensureMessage(id);
            return id;
        }

        private String reasoningFor(String itemId) {
            String id = named(itemId);
            if (id == null) return openReasoning != null ? openReasoning : (openReasoning = ensureReasoning(null));
            if (!summaries.containsKey(id)) openReasoning = ensureReasoning(id);
            return id;
        }

        /**
         * The item a done event finishes: the one of its id; for a done event with no id, or with an id the
         * stream never used while an item opened without one is open, that open item.
         */
        private String doneId(String itemId, String open, Map<String, ?> known) {
            String id = named(itemId);
            if (id != null && known.containsKey(id)) return id;
            if (open != null && (id == null || madeUp.contains(open))) return open;
            return id;
        }

        private static String named(String id) { return id == null || id.isEmpty() ? null : id; }

        private String ensureMessage(String id) {
            if (id == null) {
                id = "msg_" + Ids.uuidV7();
                madeUp.add(id);
            }
            if (!texts.containsKey(id)) {
                texts.put(id, new StringBuilder());
                long now = System.currentTimeMillis();
                started.put(id, now);
                if (review == null) ctx.itemStarted(new Item.AgentMessage(id, "", null, now, null));
            }
            return id;
        }

        private String ensureReasoning(String id) {
            if (id == null) {
                id = "rs_" + Ids.uuidV7();
                madeUp.add(id);
            }
            if (!summaries.containsKey(id)) {
                summaries.put(id, new ArrayList<>());
                long now = System.currentTimeMillis();
                started.put(id, now);
                ctx.itemStarted(new Item.Reasoning(id, List.of(), List.of(), now, null));
            }
            return id;
        }

        private List<String> summaryTexts(String id) {
            List<String> out = new ArrayList<>();
            for (StringBuilder sb : summaries.get(id)) out.add(sb.toString());
            return out;
        }

        private void done(ObjectNode item) {
            String type = item.path("type").asText();
            output.add(item);
            long now = System.currentTimeMillis();
            switch (type) {
                case "message" -> {
                    if (!"assistant".equals(item.path("role").asText("assistant"))) return;
                    String id = ensureMessage(doneId(item.path("id").asText(null), openMessage, texts));
                    if (id.equals(openMessage)) openMessage = null;
                    StringBuilder full = new StringBuilder();
                    for (JsonNode c : item.path("content")) {
                        if (c.has("text")) full.append(c.get("text").asText());
                    }
                    String text = full.isEmpty() ? texts.get(id).toString() : full.toString();
                    Item.AgentMessage msg = new Item.AgentMessage(id, text, phase(item), started.get(id), now);
                    lastAgentMessage = msg;
                    if (review == null) ctx.itemCompleted(msg);
                }
                case "reasoning" -> {
                    String id = ensureReasoning(doneId(item.path("id").asText(null), openReasoning, summaries));
                    if (id.equals(openReasoning)) openReasoning = null;
                    List<String> summary = new ArrayList<>();
                    for (JsonNode s : item.path("summary")) summary.add(s.path("text").asText(""));
                    if (summary.isEmpty()) summary = summaryTexts(id);
                    List<String> content = new ArrayList<>();
                    for (JsonNode c : item.path("content")) content.add(c.path("text").asText(""));
                    ctx.itemCompleted(new Item.Reasoning(id, summary, content, started.get(id), now));
                }
                case "function_call" -> calls.add(new ToolCall(item.path("call_id").asText(),
                        qualifiedName(item), item.path("arguments").asText("{}"), false, item));
                case "custom_tool_call" -> calls.add(new ToolCall(item.path("call_id").asText(),
                        item.path("name").asText(), item.path("input").asText(""), true, item));
                case "tool_search_call" -> {
                    // client-executed: jcodex runs the search (ToolSearchTool) and answers tool_search_output
                    JsonNode args = item.path("arguments");
                    calls.add(new ToolCall(item.path("call_id").asText(), "tool_search",
                            args.isTextual() ? args.asText() : args.toString(), false, item));
                }
                case "web_search_call" -> {
                    // the provider ran the search (hosted web_search); the item shows what it looked for
                    String id = item.path("id").asText(null);
                    if (id == null) return;
                    Long begun = started.get(id);
                    if (begun == null) ctx.itemStarted(new Item.WebSearch(id, "", now, null));
                    ctx.itemCompleted(new Item.WebSearch(id, webSearchQuery(item), begun != null ? begun : now, now));
                }
                default -> { /* other output items are kept in history only */ }
            }
        }

        /** commentary / final_answer as the model labelled the message; null when it did not. */
        private static String phase(ObjectNode item) {
            JsonNode p = item.get("phase");
            return p != null && p.isTextual() && !p.asText().isEmpty() ? p.asText() : null;
        }

        /**
         * At response.completed: a message whose output_item.done never came (some gateways send none) is
         * finished from its deltas and kept in the history, so the model sees its own answer next time; so is
         * an open reasoning item (for the client only: its text alone is not worth sending back).
         */
        private void finishOpen() {
            if (openMessage != null) {
                ObjectNode item = dev.jcodex.core.util.Json.object().put("type", "message").put("role", "assistant");
                if (!madeUp.contains(openMessage)) item.put("id", openMessage);
                item.putArray("content").addObject().put("type", "output_text").put("text",
                        texts.get(openMessage).toString());
                done(item);
            }
            if (openReasoning != null) {
                long now = System.currentTimeMillis();
                String id = openReasoning;
                openReasoning = null;
                ctx.itemCompleted(new Item.Reasoning(id, summaryTexts(id), List.of(), started.get(id), now));
            }
        }

        private String qualifiedName(ObjectNode item) {
            String ns = item.path("namespace").asText(null);
            String name = item.path("name").asText();
            return ns == null || ns.isEmpty() ? name : ns + "__" + name;
        }

        /** Closes what this attempt opened but never finished (the stream broke mid-item). */
        void closeOpen() {
            long now = System.currentTimeMillis();
            for (Item open : List.copyOf(ctx.openItems().values())) {
                if (started.containsKey(open.id())) ctx.itemCompleted(OpenItems.close(open, now));
            }
        }
    }
}
