package dev.jcodex.appserver.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ConfigWriter;
import dev.jcodex.core.config.TomlEditor;
import dev.jcodex.core.mcp.McpServerConfig;
import dev.jcodex.core.util.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcodex mcp list|get|add|remove}: the {@code [mcp_servers]} of the user's config.toml. Reads see the
 * effective config (with {@code -c}); writes go through {@link ConfigWriter} (locked, format-preserving), so
 * the user's comments and layout survive.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        subcommands = {McpCommand.ListServers.class, McpCommand.GetServer.class, McpCommand.AddServer.class, McpCommand.RemoveServer.class},
        description = "Manage the MCP servers in config.toml ([mcp_servers]).")
final class McpCommand implements Callable<Integer> {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-:@/.]+");

    @ParentCommand
    Main parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    Config config() {
        return new ConfigLoader(parent.codexHome(), parent.overrides, parent.profile).load(Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> rawTable(Config c, String name) {
        return c.get("mcp_servers") instanceof Map<?, ?> all && all.get(name) instanceof Map<?, ?> t
                ? (Map<String, Object>) t : Map.of();
    }

    static String keyPath(String name) { return "mcp_servers.\"" + name + "\""; }

    ObjectNode transportJson(McpServerConfig s) {
        ObjectNode t = Json.object();
        switch (s.transport()) {
            case McpServerConfig.Stdio io -> {
                t.put("type", "stdio").put("command", io.command());
                io.args().forEach(t.putArray("args")::add);
                if (io.env().isEmpty()) t.putNull("env");
                else io.env().forEach(t.putObject("env")::put);
                t.putArray("env_vars");
                t.put("cwd", io.cwd());
            }
            case McpServerConfig.Http http -> {
                t.put("type", "streamable_http").put("url", http.url()).put("bearer_token_env_var", http.bearerTokenEnvVar());
                if (http.headers().isEmpty()) t.putNull("http_headers");
                else http.headers().forEach(t.putObject("http_headers")::put);
            }
            case null -> t.putNull("type");
        }
        return t;
    }

    ObjectNode serverJson(McpServerConfig s, Map<String, Object> raw, boolean withTools) {
        ObjectNode o = Json.object().put("name", s.name()).put("enabled", s.enabled());
        o.put("disabled_reason", s.problem());
        o.set("transport", transportJson(s));
        if (withTools) {
            o.set("enabled_tools", s.enabledTools() == null ? null : Json.MAPPER.valueToTree(s.enabledTools()));
            o.set("disabled_tools", s.disabledTools() == null ? null : Json.MAPPER.valueToTree(s.disabledTools()));
        }
        o.set("startup_timeout_sec", Json.MAPPER.valueToTree(raw.get("startup_timeout_sec")));
        o.set("tool_timeout_sec", Json.MAPPER.valueToTree(raw.get("tool_timeout_sec")));
        return o;
    }

    /** jcodex speaks no MCP OAuth: a bearer token variable or nothing. */
    static String authStatus(McpServerConfig s) {
        return s.transport() instanceof McpServerConfig.Http h && h.bearerTokenEnvVar() != null ? "bearer_token" : "unsupported";
    }

    static String maskedEnv(Map<String, String> env) {
        if (env.isEmpty()) return "-";
        List<String> parts = new ArrayList<>();
        env.keySet().forEach(k -> parts.add(k + "=*****"));
        return String.join(", ", parts);
    }

    static void table(PrintWriter out, List<String[]> rows) {
        int[] w = new int[rows.getFirst().length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) b.append(i == 0 ? "" : "  ").append(String.format("%-" + w[i] + "s", r[i]));
            out.println(b.toString().stripTrailing());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the configured MCP servers.")
    static final class ListServers implements Callable<Integer> {
        @ParentCommand McpCommand mcp;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print the servers as a JSON array.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Config c = mcp.config();
            java.util.List<McpServerConfig> servers = McpServerConfig.fromConfig(c);
            if (json) {
                ArrayNode a = Json.MAPPER.createArrayNode();
                for (McpServerConfig s : servers) a.add(mcp.serverJson(s, mcp.rawTable(c, s.name()), false).put("auth_status", authStatus(s)));
                out.println(PrettyJson.of(a));
                return 0;
            }
            if (servers.isEmpty()) {
                out.println("No MCP servers configured yet. Try `jcodex mcp add my-tool -- my-command`.");
                return 0;
            }
            java.util.List<String[]> stdio = new ArrayList<>();
            java.util.List<String[]> http = new ArrayList<>();
            stdio.add(new String[] {"Name", "Command", "Args", "Env", "Cwd", "Status", "Auth"});
            http.add(new String[] {"Name", "Url", "Bearer Token Env Var", "Status", "Auth"});
            java.util.List<String[]> broken = new ArrayList<>();
            for (McpServerConfig s : servers) {
                String status = s.enabled() ? "enabled" : "disabled";
                switch (s.transport()) {
                    case McpServerConfig.Stdio io -> stdio.add(new String[] {s.name(), io.command(),
                            io.args().isEmpty() ? "-" : String.join(" ", io.args()), maskedEnv(io.env()),
                            io.cwd() == null ? "-" : io.cwd(), status, "Unsupported"});
                    case McpServerConfig.Http h -> http.add(new String[] {s.name(), h.url(),
                            h.bearerTokenEnvVar() == null ? "-" : h.bearerTokenEnvVar(), status,
                            h.bearerTokenEnvVar() == null ? "Unsupported" : "Bearer token"});
                    case null -> broken.add(new String[] {s.name(), s.problem()});
                }
            }
            boolean first = true;
            for (java.util.List<String[]> t : java.util.List.of(stdio, http)) {
                if (t.size() < 2) continue;
                if (!first) out.println();
                table(out, t);
                first = false;
            }
            for (String[] b : broken) out.println((first ? "" : "\n") + "invalid: " + b[0] + ": " + b[1]);
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one MCP server's configuration.")
    static final class GetServer implements Callable<Integer> {
        @ParentCommand McpCommand mcp;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Name of the MCP server.")
        String name;

        @Option(names = "--json", description = "Print the server's configuration as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Config c = mcp.config();
            McpServerConfig s = McpServerConfig.fromConfig(c).stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (s == null) {
                spec.commandLine().getErr().println("No MCP server named '" + name + "' found.");
                return 1;
            }
            if (json) {
                out.println(PrettyJson.of(mcp.serverJson(s, mcp.rawTable(c, name), true)));
                return 0;
            }
            out.println(s.name());
            out.println("  enabled: " + s.enabled());
            switch (s.transport()) {
                case McpServerConfig.Stdio io -> {
                    out.println("  transport: stdio");
                    out.println("  command: " + io.command());
                    out.println("  args: " + (io.args().isEmpty() ? "-" : String.join(" ", io.args())));
                    out.println("  cwd: " + (io.cwd() == null ? "-" : io.cwd()));
                    out.println("  env: " + maskedEnv(io.env()));
                }
                case McpServerConfig.Http h -> {
                    out.println("  transport: streamable_http");
                    out.println("  url: " + h.url());
                    out.println("  bearer_token_env_var: " + (h.bearerTokenEnvVar() == null ? "-" : h.bearerTokenEnvVar()));
                    out.println("  http_headers: " + (h.headers().isEmpty() ? "-" : maskedEnv(h.headers())));
                }
                case null -> out.println("  invalid: " + s.problem());
            }
            out.println("  remove: jcodex mcp remove " + s.name());
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add (or replace) an MCP server in config.toml: a stdio command after --, or --url.")
    static final class AddServer implements Callable<Integer> {
        @ParentCommand McpCommand mcp;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME",
                description = "Name for the server (letters, digits, '-', '_', ':', '@', '/', '.').")
        String name;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND",
                description = "Command (and its arguments) that starts a stdio server, after --.")
        java.util.List<String> command = new ArrayList<>();

        @Option(names = "--url", paramLabel = "URL", description = "URL of a streamable HTTP MCP server.")
        String url;

        @Option(names = "--env", paramLabel = "KEY=VALUE",
                description = "Environment variable for the server process (repeatable; stdio servers only).")
        java.util.List<String> env = new ArrayList<>();

        @Option(names = "--bearer-token-env-var", paramLabel = "ENV_VAR",
                description = "Environment variable holding a bearer token (streamable HTTP servers only).")
        String bearerTokenEnvVar;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String problem = null;
            if (!NAME.matcher(name).matches()) problem = "invalid server name '" + name + "' (use letters, numbers, '-', '_', ':', '@', '/', '.')";
            else if (url == null && command.isEmpty()) problem = "give the server's command after -- or --url URL";
            else if (url != null && !command.isEmpty()) problem = "give either a command or --url, not both";
            else if (url != null && !env.isEmpty()) problem = "--env is only valid with stdio servers";
            else if (url == null && bearerTokenEnvVar != null) problem = "--bearer-token-env-var is only valid with --url";
            Map<String, Object> table = new LinkedHashMap<>();
            if (problem == null && url == null) {
                table.put("command", command.getFirst());
                table.put("args", new ArrayList<>(command.subList(1, command.size())));
                Map<String, Object> vars = new LinkedHashMap<>();
                for (String kv : env) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        problem = "--env " + kv + ": expected KEY=VALUE";
                        break;
                    }
                    vars.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                if (!vars.isEmpty()) table.put("env", vars);
            } else if (problem == null) {
                table.put("url", url);
                if (bearerTokenEnvVar != null) table.put("bearer_token_env_var", bearerTokenEnvVar);
            }
            if (problem != null) {
                err.println("jcodex mcp add: " + problem);
                return CommandLine.ExitCode.USAGE;
            }
            try {
                ConfigWriter.write(userConfig(), java.util.List.of(new ConfigWriter.Edit(keyPath(name), table, true)), null);
            } catch (ConfigWriter.WriteException e) {
                err.println("jcodex mcp add: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("Added global MCP server '" + name + "'.");
            return 0;
        }

        java.nio.file.Path userConfig() { return mcp.parent.codexHome().resolve("config.toml"); }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an MCP server from config.toml.")
    static final class RemoveServer implements Callable<Integer> {
        @ParentCommand McpCommand mcp;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Name of the MCP server to remove.")
        String name;

        @Override
        public Integer call() {
            java.nio.file.Path file = mcp.parent.codexHome().resolve("config.toml");
            boolean inUserFile;
            try {
                inUserFile = java.nio.file.Files.isRegularFile(file) && new TomlEditor(java.nio.file.Files.readString(file))
                        .exists(java.util.List.of("mcp_servers", name));
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("jcodex mcp remove: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            if (!inUserFile) {
                spec.commandLine().getOut().println("No MCP server named '" + name + "' found.");
                return 0;
            }
            try {
                ConfigWriter.write(file, java.util.List.of(new ConfigWriter.Edit(keyPath(name), null, false)), null);
            } catch (ConfigWriter.WriteException e) {
                spec.commandLine().getErr().println("jcodex mcp remove: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("Removed global MCP server '" + name + "'.");
            return 0;
        }
    }
}
