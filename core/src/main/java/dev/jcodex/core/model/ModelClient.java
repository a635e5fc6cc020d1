package dev.jcodex.core.model;

/** A model behind some wire API. Implementations must be safe to call from several turns at once. */
public interface ModelClient {
    /**
     * Sends one request and streams its events to {@code sink} until {@code Completed}. Throws when the
     * request fails or the stream ends early. {@code cancel} aborts the in-flight request promptly.
     */
    void stream(ModelRequest request, ModelStream sink, Cancellation cancel) throws ModelError, InterruptedException;
}
