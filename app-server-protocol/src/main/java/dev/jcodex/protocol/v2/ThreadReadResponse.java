package dev.jcodex.protocol.v2;

/** {@code readState}: where the thread's unread part starts (null when the thread has no durable state). */
public record ThreadReadResponse(Thread thread, ThreadReadState readState) {}
