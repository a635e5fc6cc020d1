package dev.jcodex.appserver.exec;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompt of an exec run, as Codex takes it: the argument; or stdin when the argument is {@code -} or
 * absent; and when both an argument and piped stdin are given, the stdin text is appended in a
 * {@code <stdin>} block.
 */
final class Prompt {
    private Prompt() {}

    static String read(String arg) {
        boolean terminal = stdinIsTerminal();
        if (arg == null || arg.equals("-")) {
            if (arg == null && terminal) {
                throw new ExecFailure("No prompt provided. Either specify one as an argument or pipe the prompt into stdin.");
            }
            System.err.println("Reading prompt from stdin...");
            String text = readStdin();
            if (text.isBlank()) throw new ExecFailure("No prompt provided via stdin.");
            return text;
        }
        if (terminal) return arg;
        System.err.println("Reading additional input from stdin...");
        String extra = readStdin();
        return extra.isBlank() ? arg : arg + "\n\n<stdin>\n" + extra.strip() + "\n</stdin>";
    }

    private static String readStdin() {
        try {
            return new String(new FileInputStream(FileDescriptor.in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExecFailure("reading stdin: " + e.getMessage());
        }
    }

    private static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            var console = System.console();
            return console != null && console.isTerminal();
        }
    }
}
