package dev.jcodex.protocol.v2;

/** The review turn (in progress), and the thread it runs on: the same thread when inline, a new one when detached. */
public record ReviewStartResponse(Turn turn, String reviewThreadId) {}
