package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.ErrorCodes;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.MessageLimits;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.thread.SandboxSettings;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.notification.CommandExecOutputDeltaNotification;
import dev.jcodex.protocol.v2.CommandExecParams;
import dev.jcodex.protocol.v2.CommandExecResizeParams;
import dev.jcodex.protocol.v2.CommandExecResponse;
import dev.jcodex.protocol.v2.CommandExecTerminateParams;
import dev.jcodex.protocol.v2.CommandExecWriteParams;
import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.TerminalSize;
import dev.jcodex.sandbox.PtyProcess;
import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * command/exec and its companions: run one argv under a sandbox policy outside any thread, buffered or
 * streamed as base64 deltas, with output caps and a timeout (exit code 124). Processes belong to the
 * connection that started them.
 */
public final class CommandExecHandler {
    static final long DEFAULT_OUTPUT_CAP = 1024 * 1024;
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    static final long MAX_BUFFERED_OUTPUT = MessageLimits.MAX_BUFFERED_EXEC_OUTPUT;
    private static final String OUTPUT_DELTA = "command/exec/outputDelta";

    private final ConfigLoader config;

    public CommandExecHandler(ConfigLoader config) { this.config = config; }

    public void register(Dispatcher d) {
        // exec starts inline (so a write or terminate sent right after it finds the process) and replies later.
        d.on(ClientRequests.COMMAND_EXEC, this::exec);
        d.on(ClientRequests.COMMAND_EXEC_WRITE, this::write);
        d.on(ClientRequests.COMMAND_EXEC_TERMINATE, this::terminate);
        d.on(ClientRequests.COMMAND_EXEC_RESIZE, this::resize);
    }

    CompletableFuture<CommandExecResponse> exec(JsonRpcConnection conn, CommandExecParams p) throws IOException {
        if (p.command().isEmpty() || p.command().contains(null) || p.command().getFirst().isEmpty()) {
            throw RpcException.invalidParams("Invalid params for command/exec: `command` must not be empty");
        }
        boolean tty = Boolean.TRUE.equals(p.tty());
        boolean streamOut = tty || Boolean.TRUE.equals(p.streamStdoutStderr());
        boolean streamIn = tty || Boolean.TRUE.equals(p.streamStdin());
        String processId = p.processId();
        if ((streamOut || streamIn) && processId == null) {
            throw RpcException.invalidParams("Invalid params for command/exec: tty or streaming requires a client-supplied `processId`");
        }
        if (p.size() != null && !tty) throw RpcException.invalidParams("command/exec size requires tty: true");
        PtyProcess.Size size = tty ? terminalSize(p.size()) : null;
        Path cwd = p.cwd() == null ? dev.jcodex.core.config.WorkingDirectory.current() : absolute("cwd", p.cwd());
        long cap = Boolean.TRUE.equals(p.disableOutputCap()) ? Long.MAX_VALUE
                : p.outputBytesCap() == null ? DEFAULT_OUTPUT_CAP : p.outputBytesCap();
        if (cap < 0) throw RpcException.invalidParams("Invalid params for command/exec: `outputBytesCap` must not be negative");
        long timeoutMs = Boolean.TRUE.equals(p.disableTimeout()) ? 0
                : p.timeoutMs() == null ? DEFAULT_TIMEOUT_MS : p.timeoutMs();
        if (timeoutMs < 0) throw RpcException.invalidParams("Invalid params for command/exec: `timeoutMs` must not be negative");
        SandboxPolicy policy = policy(p, cwd);

        ExecProcesses processes = ExecProcesses.of(conn);
        RunningExec exec = new RunningExec(streamIn, tty);
        if (processId != null && !processes.reserve(processId, exec)) {
            throw RpcException.invalidRequest("duplicate active command/exec process id: \"" + processId + "\"");
        }
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(p.command()).directory(cwd.toFile());
            if (p.env() != null) {
                for (Map.Entry<String, String> e : p.env().entrySet()) {
                    if (e.getValue() == null) pb.environment().remove(e.getKey());
                    else pb.environment().put(e.getKey(), e.getValue());
                }
            }
            if (tty && !pb.environment().containsKey("TERM")) pb.environment().put("TERM", "xterm-256color");
            if (!streamIn) pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            process = tty ? Sandbox.system().startPty(pb, size, policy, cwd) : Sandbox.system().start(pb, policy, cwd);
        } catch (IOException | RuntimeException e) {
            if (processId != null) processes.remove(processId, exec);
            throw new RpcException(ErrorCodes.INTERNAL_ERROR, "failed to spawn command: " + e.getMessage());
        }
        exec.attach(process);
        CompletableFuture<CommandExecResponse> reply = new CompletableFuture<>();
        Thread.ofVirtual().name("command-exec").start(() -> {
            try {
                reply.complete(await(conn, processId, exec, process, streamOut, cap, timeoutMs));
            } catch (Throwable t) {
                exec.kill();
                reply.completeExceptionally(t);
            } finally {
                if (processId != null) processes.remove(processId, exec);
            }
        });
        return reply;
    }

    private CommandExecResponse await(JsonRpcConnection conn, String processId, RunningExec exec, Process process,
                                      boolean stream, long cap, long timeoutMs) throws InterruptedException {
        // On a terminal stdout and stderr are one stream; it goes out as "stdout", as Codex sends it.
        OutputPump out = new OutputPump(conn, processId, "stdout", process.getInputStream(), stream, cap);
        OutputPump err = new OutputPump(conn, processId, "stderr", process.getErrorStream(), stream, cap);
        Thread tOut = Thread.ofVirtual().start(out);
        Thread tErr = Thread.ofVirtual().start(err);
        boolean exited = timeoutMs == 0 ? waitForever(process) : process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        boolean timedOut = !exited;
        if (timedOut) {
            exec.kill();
            process.waitFor();
        }
        // A background child may hold the pipes open after the main process exits; don't wait on it forever.
        tOut.join(2000);
        tErr.join(2000);
        // A terminal is closed once its command is done, as a terminal window would be: what still runs on it
        // gets SIGHUP, and the reader and the descriptor end.
        if (process instanceof PtyProcess pty) pty.closeTerminal();
        int code = timedOut ? 124 : process.exitValue();
        for (OutputPump pump : List.of(out, err)) {
            if (pump.overflowed) {
                throw RpcException.invalidRequest("command/exec: " + pump.stream + " exceeded " + MAX_BUFFERED_OUTPUT
                        + " bytes, the most a buffered reply holds (the command exited with " + code
                        + "); stream the output instead (streamStdoutStderr with a processId)");
            }
        }
        return new CommandExecResponse(code, stream ? "" : out.text(), stream ? "" : err.text());
    }

    private static boolean waitForever(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    /**
     * Reads one stream to its end: up to {@code cap} bytes are kept or streamed, the rest is drained. A buffered
     * stream never keeps more than {@link #MAX_BUFFERED_OUTPUT}, whatever the cap: beyond it the reply would not
     * fit the heap, so the pump drains the rest and marks the stream overflowed (the request then fails,
     * naming the limit). Streamed output has no such ceiling: it leaves as it comes.
     */
    private static final class OutputPump implements Runnable {
        private final JsonRpcConnection conn;
        private final String processId;
        private final String stream;
        private final InputStream in;
        private final boolean streaming;
        private final long cap;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long seen;
        volatile boolean overflowed;

        OutputPump(JsonRpcConnection conn, String processId, String stream, InputStream in, boolean streaming, long cap) {
            this.conn = conn;
            this.processId = processId;
            this.stream = stream;
            this.in = in;
            this.streaming = streaming;
            this.cap = cap;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[16 * 1024];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    if (seen >= cap) continue;
                    int keep = (int) Math.min(n, cap - seen);
                    if (!streaming && seen + keep > MAX_BUFFERED_OUTPUT) {
                        overflowed = true;
                        synchronized (this) { buffer = new ByteArrayOutputStream(0); } // free what was kept
                        seen = cap; // keep draining, keep nothing
                        continue;
                    }
                    seen += keep;
                    boolean capReached = seen >= cap && cap != Long.MAX_VALUE;
                    if (streaming) {
                        byte[] part = java.util.Arrays.copyOf(chunk, keep);
                        conn.sendNotification(OUTPUT_DELTA, new CommandExecOutputDeltaNotification(processId, stream,
                                Base64.getEncoder().encodeToString(part), capReached));
                    } else {
                        synchronized (this) { buffer.write(chunk, 0, keep); }
                    }
                }
            } catch (IOException closed) {
                // the process was killed or the stream closed: what was read is kept
            }
        }

        String text() {
            synchronized (this) { return buffer.toString(StandardCharsets.UTF_8); }
        }
    }

    EmptyResponse write(JsonRpcConnection conn, CommandExecWriteParams p) {
        RunningExec exec = running(conn, p.processId());
        if (!exec.streamStdin) {
            throw RpcException.invalidRequest("command/exec process \"" + p.processId() + "\" was not started with streamStdin");
        }
        byte[] data;
        try {
            data = p.deltaBase64() == null ? new byte[0] : Base64.getDecoder().decode(p.deltaBase64());
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams("Invalid params for command/exec/write: `deltaBase64` is not valid base64: " + e.getMessage());
        }
        try {
            exec.write(data, Boolean.TRUE.equals(p.closeStdin()));
        } catch (IOException e) {
            throw new RpcException(ErrorCodes.INTERNAL_ERROR, "failed to write to process stdin: " + e.getMessage());
        }
        return EmptyResponse.INSTANCE;
    }

    EmptyResponse terminate(JsonRpcConnection conn, CommandExecTerminateParams p) {
        running(conn, p.processId()).kill();
        return EmptyResponse.INSTANCE;
    }

    EmptyResponse resize(JsonRpcConnection conn, CommandExecResizeParams p) {
        RunningExec exec = running(conn, p.processId());
        PtyProcess.Size size = terminalSize(p.size());
        if (!(exec.process() instanceof PtyProcess pty)) {
            throw RpcException.invalidRequest("failed to resize PTY: process is not attached to a PTY");
        }
        try {
            pty.resize(size.rows(), size.cols());
        } catch (IOException e) {
            // the command has exited and its terminal is closed
            throw RpcException.invalidRequest("failed to resize PTY: " + e.getMessage());
        }
        return EmptyResponse.INSTANCE;
    }

    /** The requested size, 24x80 when absent (as Codex); rows and cols must be 1..65535 (struct winsize). */
    private static PtyProcess.Size terminalSize(TerminalSize size) {
        if (size == null) return PtyProcess.Size.DEFAULT;
        if (size.rows() <= 0 || size.cols() <= 0) {
            throw RpcException.invalidParams("command/exec size rows and cols must be greater than 0");
        }
        if (size.rows() > 0xffff || size.cols() > 0xffff) {
            throw RpcException.invalidParams("command/exec size rows and cols must be at most 65535");
        }
        return new PtyProcess.Size(size.rows(), size.cols());
    }

    private static RunningExec running(JsonRpcConnection conn, String processId) {
        RunningExec exec = ExecProcesses.of(conn).get(processId);
        if (exec == null) throw RpcException.invalidRequest("no active command/exec for process id \"" + processId + "\"");
        return exec;
    }

    private SandboxPolicy policy(CommandExecParams p, Path cwd) {
        SandboxSettings s = p.sandboxPolicy() != null ? ThreadView.sandbox(p.sandboxPolicy()) : null;
        if (s == null) {
            String mode = config.load(Map.of()).sandboxMode();
            return SandboxPolicy.fromMode(mode, List.of(), false);
        }
        return switch (s.type()) {
            case "readOnly" -> SandboxPolicy.readOnly(s.networkAccess());
            case "workspaceWrite" -> {
                List<Path> roots = new ArrayList<>();
                for (String r : s.writableRoots()) roots.add(absolute("sandboxPolicy.writableRoots", r));
                yield SandboxPolicy.workspaceWrite(roots, s.networkAccess(), s.excludeTmpdirEnvVar(), s.excludeSlashTmp());
            }
            case "dangerFullAccess" -> SandboxPolicy.dangerFullAccess();
            default -> SandboxPolicy.externalSandbox(s.networkAccess());
        };
    }

    static Path absolute(String field, String value) {
        Path path = Path.of(value);
        if (!path.isAbsolute()) throw RpcException.invalidParams("Invalid params: `" + field + "` must be an absolute path, got `" + value + "`");
        return path.normalize();
    }
}
