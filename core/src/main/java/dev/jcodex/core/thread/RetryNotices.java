package dev.jcodex.core.thread;

import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.TurnFailure;
import dev.jcodex.core.model.ModelError;
import dev.jcodex.core.model.ModelStream;
import dev.jcodex.core.model.ResponseEvent;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tells the thread's clients that the model request is being retried: an {@code error} notification with
 * {@code willRetry: true}, message {@code Reconnecting... n/max (retrying in 1.6 s)} (Codex's wording, plus the
 * delay: the protocol has no field for it) and the failure itself, URL included, in {@code additionalDetails}.
 */
final class RetryNotices {
    private RetryNotices() {}

    /** A sink that passes events to {@code on} and announces request-level retries on {@code thread}. */
    static ModelStream forwarding(Consumer<ResponseEvent> on, AgentThread thread, String turnId) {
        return new ModelStream() {
            @Override
            public void on(ResponseEvent event) { on.accept(event); }

            @Override
            public void retrying(Retry r) { announce(thread, turnId, r.attempt(), r.max(), r.delayMs(), r.cause()); }
        };
    }

    static void announce(AgentThread thread, String turnId, int attempt, int max, long delayMs, ModelError cause) {
        String delay = String.format(Locale.ROOT, "%.1f s", delayMs / 1000.0);
        thread.emit(new Event.Error(thread.id(), turnId, new TurnFailure("Reconnecting... " + attempt + "/" + max
                + " (retrying in " + delay + ")", cause.kind(), cause.httpStatus(), cause.getMessage()), true));
    }
}
