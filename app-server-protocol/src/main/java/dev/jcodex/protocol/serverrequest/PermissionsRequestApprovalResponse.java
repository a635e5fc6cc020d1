package dev.jcodex.protocol.serverrequest;

/** The granted subset ({@code permissions}, same shape as asked) and its {@code scope}: "turn" or "session". */
public record PermissionsRequestApprovalResponse(PermissionsRequestApprovalParams.Profile permissions, String scope) {}
