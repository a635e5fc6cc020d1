package dev.jcodex.protocol.v2;

/**
 * The first unread position of a thread (null: all read) and an opaque revision that changes whenever that
 * position or the thread's activity does.
 */
public record ThreadReadState(ThreadUnreadPosition firstUnread, String revision) {}
