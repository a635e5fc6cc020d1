package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs one command under a policy with inherited stdio, for {@code jcodex sandbox --policy … -- CMD…}. */
public final class SandboxMain {
    private SandboxMain() {}

    /** Exit code of the command; as a shell reports: 127 when it was not found, 126 when refused or not run. */
    public static int run(String policyName, List<String> writableRoots, boolean network, List<String> command) {
        if (command.isEmpty()) {
            System.err.println("jcodex sandbox: no command given");
            return 2;
        }
        Sandbox sandbox = Sandbox.system();
        // the same one-time warning a client gets as a configWarning: what this machine's sandbox lacks
        sandbox.unavailableReason().ifPresent(why -> System.err.println("jcodex sandbox: warning: " + why));
        Path cwd = Path.of("").toAbsolutePath();
        try {
            SandboxPolicy policy = SandboxPolicy.fromMode(policyName,
                    writableRoots.stream().map(Path::of).toList(), network);
            Process p = sandbox.start(new ProcessBuilder(command).inheritIO(), policy, cwd);
            return p.waitFor();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("jcodex sandbox: " + e.getMessage());
            return e.getMessage() != null && e.getMessage().contains("error=2,") ? 127 : 126;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    public static void main(String[] args) {
        // sandbox-main POLICY [--network] [--root DIR]... -- CMD...: a debugging entry point of this module alone
        int i = 0;
        String policy = args.length > 0 ? args[i++] : "workspace-write";
        boolean network = false;
        List<String> roots = new java.util.ArrayList<>();
        while (i < args.length && !args[i].equals("--")) {
            if (args[i].equals("--network")) network = true;
            else if (args[i].equals("--root") && i + 1 < args.length) roots.add(args[++i]);
            i++;
        }
        List<String> cmd = i < args.length ? List.of(args).subList(i + 1, args.length) : List.of();
        System.err.println("jcodex sandbox: " + Sandbox.system().describe());
        System.exit(run(policy, roots, network, cmd));
    }
}
