package dev.jcodex.core.model;

/** Receives the events of one streamed response, in order, on the caller's thread. */
@FunctionalInterface
public interface ModelStream {
    void on(ResponseEvent event);
}
