package dev.jcodex.core.event;

/** Receives every engine event, in order per thread. Must not block for long: turns call it inline. */
@FunctionalInterface
public interface EventSink {
    void emit(Event event);
}
