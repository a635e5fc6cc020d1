package dev.jcodex.appserver.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the daemon's own argv ({@code [-c k=v | -p NAME | --strict-config]... app-server [--listen URL]
 * [--strict-config]}) without picocli.
 * An IDE spawns the daemon with exactly this, and picocli's reflective command model costs hundreds of
 * milliseconds at startup: its classes are Java 5 bytecode, which the AOT cache cannot hold. Anything
 * else (help, other subcommands, other options, malformed input) returns null and goes to picocli.
 */
final class FastLaunch {
    private FastLaunch() {}

    static AppServerCommand appServer(String[] args) {
        List<String> overrides = new ArrayList<>();
        String profile = null;
        boolean strict = false;
        int i = 0;
        for (; i < args.length && !args[i].equals("app-server"); i++) {
            String a = args[i];
            if ((a.equals("-c") || a.equals("--config")) && i + 1 < args.length) overrides.add(args[++i]);
            else if (a.startsWith("--config=")) overrides.add(a.substring("--config=".length()));
            else if ((a.equals("-p") || a.equals("--profile")) && i + 1 < args.length && profile == null) profile = args[++i];
            else if (a.equals("--strict-config")) strict = true;
            else return null;
        }
        if (i == args.length) return null;
        String listen = "stdio://";
        for (i++; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--listen") && i + 1 < args.length) listen = args[++i];
            else if (a.startsWith("--listen=")) listen = a.substring("--listen=".length());
            else if (a.equals("--strict-config")) strict = true;
            else return null;
        }
        Main parent = new Main();
        parent.overrides = overrides;
        parent.profile = profile;
        parent.strictConfig = strict;
        AppServerCommand cmd = new AppServerCommand();
        cmd.parent = parent;
        cmd.listen = listen;
        return cmd;
    }
}
