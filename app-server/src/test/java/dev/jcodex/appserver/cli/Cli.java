package dev.jcodex.appserver.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the jcodex command line in-process, as main() builds it, with out and err captured. */
record Cli(int code, String out, String err, Main main) {
    static Cli run(String... args) { return run(null, "", args); }

    /** With CODEX_HOME at {@code home} and {@code stdin} as standard input. */
    static Cli run(java.nio.file.Path home, String stdin, String... args) {
        Main main = new Main();
        main.codexHome = home;
        main.stdin = new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CommandLine cl = Main.commandLine(main);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString(), main);
    }

    /** Parses only (nothing runs): the Main that a subcommand would see as its parent. */
    static Main parse(String... args) {
        Main main = new Main();
        Main.commandLine(main).parseArgs(args);
        return main;
    }
}
