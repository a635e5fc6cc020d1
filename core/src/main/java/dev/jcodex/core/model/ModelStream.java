package dev.jcodex.core.model;

/** Receives the events of one streamed response, in order, on the caller's thread. */
@FunctionalInterface
public interface ModelStream {
    void on(ResponseEvent event);

    /**
     * The request failed with {@code cause} and will be sent again after {@code delayMs}: retry {@code attempt}
     * of {@code max}. Called before the wait, so a client can show progress; the default ignores it.
     */
    default void retrying(Retry retry) {}

    record Retry(int attempt, int max, long delayMs, ModelError cause) {}
}
