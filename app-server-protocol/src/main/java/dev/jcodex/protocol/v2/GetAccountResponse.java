package dev.jcodex.protocol.v2;

public record GetAccountResponse(Account account, boolean requiresOpenaiAuth) {}
