package dev.jcodex.protocol.v2;

/** {@code userId} is a ChatGPT account's id: always null for jcodex's API-key accounts. */
public record GetAccountResponse(Account account, String userId, boolean requiresOpenaiAuth) {}
