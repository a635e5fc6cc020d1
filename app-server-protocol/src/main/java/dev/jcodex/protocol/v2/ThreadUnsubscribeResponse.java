package dev.jcodex.protocol.v2;

/** {@code status}: unsubscribed | notSubscribed | notLoaded. */
public record ThreadUnsubscribeResponse(String status) {}
