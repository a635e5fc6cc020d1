package dev.jcodex.core.tools.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Commands the {@code untrusted} policy runs without asking: read-only tools, combined with {@code &&},
 * {@code ||}, {@code ;} or pipes, and nothing that writes (no redirections, substitutions or risky flags).
 */
public final class SafeCommands {
    private SafeCommands() {}

    private static final Set<String> SAFE = Set.of("ls", "cat", "head", "tail", "wc", "pwd", "echo", "true", "false",
            "grep", "rg", "nl", "cut", "sort", "uniq", "tr", "which", "whoami", "id", "date", "uname", "stat", "file",
            "tree", "du", "df", "basename", "dirname", "realpath", "printenv", "seq", "cd", "test", "diff", "cmp");

    public static boolean isKnownSafe(String command) {
        List<ShellWords.Token> tokens = ShellWords.split(command);
        if (tokens == null) return false;
        List<List<String>> segs = ShellWords.segments(tokens, new ArrayList<>());
        if (segs == null || segs.isEmpty()) return false;
        for (List<String> words : segs) if (!safe(words)) return false;
        return true;
    }

    private static boolean safe(List<String> w) {
        String cmd = w.getFirst();
        if (SAFE.contains(cmd)) {
            if (cmd.equals("rg")) return w.stream().noneMatch(a -> a.startsWith("--pre") || a.equals("-z") || a.startsWith("--search-zip"));
            if (cmd.equals("sort")) return w.stream().noneMatch(a -> a.equals("-o") || a.startsWith("--output"));
            return true;
        }
        if (cmd.equals("find")) {
            return w.stream().noneMatch(a -> Set.of("-exec", "-execdir", "-ok", "-okdir", "-delete", "-fprint",
                    "-fprint0", "-fprintf", "-fls").contains(a));
        }
        if (cmd.equals("sed")) return w.size() >= 3 && w.get(1).equals("-n") && w.stream().noneMatch(a -> a.startsWith("-i"));
        if (cmd.equals("git") && w.size() > 1) {
            return Set.of("status", "log", "diff", "show", "branch", "rev-parse", "ls-files", "blame", "grep")
                    .contains(w.get(1)) && w.stream().noneMatch(a -> a.startsWith("--output") || a.equals("-o"));
        }
        return false;
    }
}
