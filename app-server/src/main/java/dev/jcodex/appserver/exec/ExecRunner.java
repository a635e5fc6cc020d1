package dev.jcodex.appserver.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.handlers.InitializeHandler;
import dev.jcodex.appserver.rpc.ErrorCodes;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.core.config.CodexHome;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigException;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ConfigWarning;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code jcodex exec} run: starts (or resumes) a thread and runs one turn through an in-process
 * app-server, reporting its notifications as exec events. Exit code 0 when the turn completed, 1 otherwise.
 */
public final class ExecRunner {
    /** Exec has nobody to ask; a model that wants approval is told no. */
    private static final String DECLINE = "decline";

    private final ExecOptions o;
    private PrintStream stdout;

    public ExecRunner(ExecOptions options) { this.o = options; }

    public int run() {
        // The real stdout carries only events (or the final message); stray prints go to stderr.
        stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try {
            return runTurn();
        } catch (ExecFailure e) {
            if (e.verbatim) {
                if (o.json()) emit(ProtocolJson.MAPPER.createObjectNode().put("type", "error").put("message", e.getMessage()));
                System.err.println(e.getMessage());
            } else {
                fatal(e.getMessage());
            }
            return 1;
        } catch (InProcessClient.RpcError e) {
            fatal(e.getMessage());
            return 1;
        } finally {
            stdout.flush();
        }
    }

    private int runTurn() {
        Path cwd = (o.cd() == null ? Path.of("") : o.cd()).toAbsolutePath().normalize();
        if (!Files.isDirectory(cwd)) throw new ExecFailure("working directory does not exist: " + cwd);
        ConfigLoader loader = new ConfigLoader(CodexHome.resolve(), o.configOverrides(), o.profile()).strict(o.strictConfig());
        // Before anything is sent: a config that was not understood stops exec (exit 1, file:line:col on stderr);
        // its warnings go to stderr in every output mode (stdout carries only events).
        Config config = loader.inspect(cwd, null);
        if (!config.errors().isEmpty()) throw new ExecFailure(new ConfigException(config.errors()).render(), true);
        for (ConfigWarning w : config.configWarnings()) System.err.println("warning: " + w.summary());
        if (!o.skipGitRepoCheck() && !insideGitRepo(cwd)) {
            throw new ExecFailure("Not inside a trusted directory and --skip-git-repo-check was not specified.");
        }
        String prompt = Prompt.read(o.prompt());
        JsonNode schema = o.outputSchema() == null ? null : readSchema(o.outputSchema());

        AppServer server = new AppServer(loader);
        HumanTranscript human = o.json() ? null : new HumanTranscript(System.err);
        ExecEvents events = new ExecEvents();
        try (InProcessClient client = new InProcessClient(server)) {
            String originator = System.getenv("CODEX_INTERNAL_ORIGINATOR_OVERRIDE");
            ObjectNode init = ProtocolJson.MAPPER.createObjectNode();
            init.putObject("clientInfo").put("name", originator == null || originator.isBlank() ? "codex_exec" : originator)
                    .put("version", InitializeHandler.JCODEX_VERSION);
            init.putObject("capabilities").put("experimentalApi", true);
            client.call("initialize", init);
            client.notify("initialized");

            JsonNode started = client.call(o.resumeThreadId() == null ? "thread/start" : "thread/resume", threadParams(cwd));
            String threadId = started.path("thread").path("id").asText();
            if (human != null) human.header(started, prompt);
            else emit(ExecEvents.threadStarted(threadId));

            JsonNode turn = client.call("turn/start", turnParams(threadId, prompt, schema));
            String turnId = turn.path("turn").path("id").asText();
            boolean turnStartedSeen = false;
            while (true) {
                ObjectNode msg = client.next(60_000);
                if (msg == null) continue;
                String method = msg.path("method").asText();
                if (msg.has("id")) {
                    answer(client, msg, method);
                    continue;
                }
                JsonNode params = msg.path("params");
                String tid = params.path("threadId").asText(null);
                if (tid != null && !tid.equals(threadId)) continue;
                if (method.equals("turn/started")) turnStartedSeen = true;
                if (method.equals("configWarning")) continue; // printed above, before the thread started
                if (!turnStartedSeen) continue;
                if (human != null) human.notification(method, params);
                else for (ObjectNode e : events.map(method, params)) emit(e);
                if (human != null) events.map(method, params);
                if (method.equals("turn/completed") && params.path("turn").path("id").asText().equals(turnId)) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecFailure("interrupted");
        }
        String last = events.lastAgentMessage();
        if (o.outputLastMessage() != null) {
            try {
                Files.writeString(o.outputLastMessage(), last == null ? "" : last);
            } catch (IOException e) {
                System.err.println("jcodex exec: could not write " + o.outputLastMessage() + ": " + e.getMessage());
            }
        }
        if (human != null) {
            human.finish(events.failure());
            if (last != null) stdout.println(last);
        }
        return events.failure() == null ? 0 : 1;
    }

    private ObjectNode threadParams(Path cwd) {
        ObjectNode p = ProtocolJson.MAPPER.createObjectNode();
        if (o.resumeThreadId() != null) p.put("threadId", o.resumeThreadId());
        if (o.model() != null) p.put("model", o.model());
        p.put("cwd", cwd.toString());
        if (o.sandbox() != null) p.put("sandbox", o.sandbox());
        String approval = o.approvalPolicy();
        // Exec never asks unless told to on the command line.
        if (approval == null && !overridden("approval_policy")) approval = "never";
        if (approval != null) p.put("approvalPolicy", approval);
        if (!o.addDirs().isEmpty()) {
            ArrayNode roots = p.putObject("config").putArray("sandbox_workspace_write.writable_roots");
            for (Path d : o.addDirs()) roots.add(d.toAbsolutePath().normalize().toString());
        }
        if (o.ephemeral() && o.resumeThreadId() == null) p.put("ephemeral", true);
        return p;
    }

    private ObjectNode turnParams(String threadId, String prompt, JsonNode schema) {
        ObjectNode p = ProtocolJson.MAPPER.createObjectNode().put("threadId", threadId);
        ArrayNode input = p.putArray("input");
        input.addObject().put("type", "text").put("text", prompt).putArray("text_elements");
        for (Path img : o.images()) input.addObject().put("type", "localImage").put("path", img.toAbsolutePath().toString());
        if (schema != null) p.set("outputSchema", schema);
        return p;
    }

    private boolean overridden(String key) {
        for (String kv : o.configOverrides()) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).trim().equals(key)) return true;
        }
        return false;
    }

    private void answer(InProcessClient client, ObjectNode request, String method) {
        JsonNode id = request.get("id");
        switch (method) {
            case "item/commandExecution/requestApproval", "item/fileChange/requestApproval" -> {
                System.err.println("jcodex exec: declining " + method + " (exec cannot ask for approval)");
                client.respond(id, ProtocolJson.MAPPER.createObjectNode().put("decision", DECLINE));
            }
            default -> client.respondError(id, ErrorCodes.METHOD_NOT_FOUND, "exec does not handle " + method);
        }
    }

    private void emit(ObjectNode event) {
        stdout.println(event.toString());
        stdout.flush();
    }

    private void fatal(String message) {
        if (o.json()) {
            emit(ProtocolJson.MAPPER.createObjectNode().put("type", "error").put("message", message));
        }
        System.err.println("Error: " + message);
    }

    private static JsonNode readSchema(Path file) {
        try {
            return ProtocolJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ExecFailure("could not read --output-schema " + file + ": " + e.getMessage());
        }
    }

    static boolean insideGitRepo(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) return true;
        }
        return false;
    }

}
