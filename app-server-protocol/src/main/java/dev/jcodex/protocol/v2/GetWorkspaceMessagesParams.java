package dev.jcodex.protocol.v2;

/** account/workspaceMessages/read takes no params. */
public record GetWorkspaceMessagesParams() {}
