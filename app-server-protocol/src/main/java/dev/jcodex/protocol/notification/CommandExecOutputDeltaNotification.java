package dev.jcodex.protocol.notification;

/** A chunk of a streamed command/exec's output; {@code stream} is "stdout" or "stderr". */
public record CommandExecOutputDeltaNotification(String processId, String stream, String deltaBase64,
                                                 boolean capReached) implements ServerNotification {}
