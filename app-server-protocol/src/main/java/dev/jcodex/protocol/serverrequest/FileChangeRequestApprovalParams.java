package dev.jcodex.protocol.serverrequest;

/** The changes themselves were already sent in the fileChange item's item/started. */
public record FileChangeRequestApprovalParams(String threadId, String turnId, String itemId, Long startedAtMs,
                                              String reason, String grantRoot) {}
