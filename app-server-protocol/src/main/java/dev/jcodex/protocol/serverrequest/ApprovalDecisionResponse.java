package dev.jcodex.protocol.serverrequest;

/**
 * The client's answer to an approval request. {@code decision} is "accept", "acceptForSession", "decline",
 * "cancel", or a single-key object such as {@code {"acceptWithExecpolicyAmendment":{...}}}.
 */
public record ApprovalDecisionResponse(Object decision) {}
