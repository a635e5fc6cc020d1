package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Runs one argv outside any thread. The reply waits for exit; with streaming (or tty) the output arrives as
 * {@code command/exec/outputDelta} and the reply's streams are empty. {@code env} values of null unset a variable.
 */
public record CommandExecParams(@JsonProperty(required = true) List<String> command, String processId, Boolean tty,
                                Boolean streamStdin, Boolean streamStdoutStderr, Long outputBytesCap,
                                Boolean disableOutputCap, Long timeoutMs, Boolean disableTimeout, String cwd,
                                Map<String, String> env, TerminalSize size, SandboxPolicy sandboxPolicy) {}
