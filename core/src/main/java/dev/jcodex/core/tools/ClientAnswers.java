package dev.jcodex.core.tools;

import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.thread.TurnContext;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A tool that waits on a client's answer (user input, a permissions grant): the thread shows {@code waiting}
 * meanwhile, an interrupt cancels the question at once, and a question that ended without an answer (the asking
 * side failed) reads as {@code null}.
 */
public final class ClientAnswers {
    private ClientAnswers() {}

    public static <T> T await(TurnContext ctx, ThreadState waiting, Supplier<CompletableFuture<T>> ask, String what)
            throws InterruptedException {
        if (ctx.cancellation().isCancelled()) throw new InterruptedException("interrupted");
        ctx.emit(new Event.ThreadStatusChanged(ctx.threadId(), waiting));
        CompletableFuture<T> answer = ask.get();
        T result;
        try (AutoCloseable ignored = ctx.cancellation().onCancel(() -> answer.cancel(false))) {
            result = answer.get();
        } catch (CancellationException e) {
            throw new InterruptedException("interrupted while waiting for " + what);
        } catch (InterruptedException e) {
            answer.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            result = null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (ctx.cancellation().isCancelled()) throw new InterruptedException("interrupted");
        ctx.emit(new Event.ThreadStatusChanged(ctx.threadId(), ThreadState.ACTIVE));
        return result;
    }
}
