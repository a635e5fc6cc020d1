package dev.jcodex.core.tools.exec;

import dev.jcodex.core.item.Item.CommandActionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Best-effort reading of what a shell command does, for display: reading a file, listing files, searching,
 * or unknown. When any part of a compound command is not understood, the whole command is one unknown.
 */
public final class CommandActions {
    private CommandActions() {}

    private static final Set<String> READERS = Set.of("cat", "head", "tail", "less", "more", "nl", "bat");
    private static final Set<String> LISTERS = Set.of("ls", "tree", "find", "fd", "du");
    private static final Set<String> SEARCHERS = Set.of("grep", "rg", "ag", "ack", "egrep", "fgrep");
    /** Output shapers after a pipe: they do not change what the command is about. */
    private static final Set<String> SHAPERS = Set.of("head", "tail", "wc", "sort", "uniq", "cut", "tr", "column",
            "less", "more", "cat", "nl");

    public static List<CommandActionInfo> parse(String command) {
        List<CommandActionInfo> unknown = List.of(new CommandActionInfo("unknown", command, null, null, null));
        List<ShellWords.Token> tokens = ShellWords.split(command);
        if (tokens == null) return unknown;
        List<String> seps = new ArrayList<>();
        List<List<String>> segs = ShellWords.segments(tokens, seps);
        if (segs == null || segs.isEmpty()) return unknown;
        List<CommandActionInfo> out = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            List<String> words = segs.get(i);
            boolean piped = i > 0 && "|".equals(seps.get(i - 1));
            if (piped && SHAPERS.contains(words.getFirst())) continue;
            if (words.getFirst().equals("cd") || words.getFirst().equals("true")) continue;
            CommandActionInfo a = one(words);
            if (a == null) return unknown;
            out.add(a);
        }
        return out.isEmpty() ? unknown : out;
    }

    private static CommandActionInfo one(List<String> words) {
        String cmd = words.getFirst();
        String text = ShellWords.join(words);
        List<String> args = operands(words.subList(1, words.size()));
        if (cmd.equals("sed") && words.size() >= 4 && words.get(1).equals("-n") && args.size() >= 2) {
            String path = args.getLast();
            return new CommandActionInfo("read", text, baseName(path), path, null);
        }
        if (READERS.contains(cmd)) {
            if (args.size() != 1) return null;
            String path = args.getFirst();
            return new CommandActionInfo("read", text, baseName(path), path, null);
        }
        if (cmd.equals("rg") && words.contains("--files")) {
            return new CommandActionInfo("listFiles", text, null, args.isEmpty() ? null : args.getFirst(), null);
        }
        if (cmd.equals("git") && words.size() > 1 && words.get(1).equals("grep")) {
            List<String> rest = operands(words.subList(2, words.size()));
            if (rest.isEmpty()) return null;
            return new CommandActionInfo("search", text, null, rest.size() > 1 ? rest.get(1) : null, rest.getFirst());
        }
        if (LISTERS.contains(cmd)) {
            if (cmd.equals("find") && (words.contains("-exec") || words.contains("-delete") || words.contains("-execdir"))) {
                return null;
            }
            String path = cmd.equals("find") ? (words.size() > 1 && !words.get(1).startsWith("-") ? words.get(1) : null)
                    : args.isEmpty() ? null : args.getFirst();
            return new CommandActionInfo("listFiles", text, null, path, null);
        }
        if (SEARCHERS.contains(cmd)) {
            if (args.isEmpty()) return null;
            return new CommandActionInfo("search", text, null, args.size() > 1 ? args.get(1) : null, args.getFirst());
        }
        return null;
    }

    /** The arguments that are not flags (a flag's value is not recognised; good enough for display). */
    private static List<String> operands(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean endOfFlags = false;
        for (String a : args) {
            if (!endOfFlags && a.equals("--")) { endOfFlags = true; continue; }
            if (!endOfFlags && a.startsWith("-") && a.length() > 1) continue;
            out.add(a);
        }
        return out;
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
