package dev.jcodex.core.tools.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the apply_patch format. Lenient where models are sloppy in practice: surrounding whitespace on the
 * marker lines, a heredoc wrapper ({@code <<'EOF' ... EOF}) around the patch, a first hunk without its
 * {@code @@} line, and blank lines inside a hunk (read as empty context lines).
 */
public final class PatchParser {
    static final String BEGIN = "*** Begin Patch";
    static final String END = "*** End Patch";
    static final String ADD = "*** Add File: ";
    static final String DELETE = "*** Delete File: ";
    static final String UPDATE = "*** Update File: ";
    static final String MOVE = "*** Move to: ";
    static final String EOF_MARKER = "*** End of File";

    private PatchParser() {}

    public static Patch parse(String text) throws PatchException {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        stripHeredoc(lines);
        while (!lines.isEmpty() && lines.getFirst().isBlank()) lines.removeFirst();
        while (!lines.isEmpty() && lines.getLast().isBlank()) lines.removeLast();
        if (lines.isEmpty() || !lines.getFirst().strip().equals(BEGIN)) {
            throw new PatchException("Invalid patch: The first line of the patch must be '" + BEGIN + "'");
        }
        if (!lines.getLast().strip().equals(END)) {
            throw new PatchException("Invalid patch: The last line of the patch must be '" + END + "'");
        }
        List<Patch.FileOp> ops = new ArrayList<>();
        int i = 1;
        int end = lines.size() - 1;
        while (i < end) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) { i++; continue; }
            if (line.startsWith(ADD)) {
                String path = path(line, ADD, i);
                StringBuilder contents = new StringBuilder();
                i++;
                while (i < end && lines.get(i).startsWith("+")) {
                    contents.append(lines.get(i), 1, lines.get(i).length()).append('\n');
                    i++;
                }
                ops.add(new Patch.FileOp.Add(path, contents.toString()));
            } else if (line.startsWith(DELETE)) {
                ops.add(new Patch.FileOp.Delete(path(line, DELETE, i)));
                i++;
            } else if (line.startsWith(UPDATE)) {
                String path = path(line, UPDATE, i);
                i++;
                String moveTo = null;
                if (i < end && lines.get(i).strip().startsWith(MOVE)) {
                    moveTo = path(lines.get(i).strip(), MOVE, i);
                    i++;
                }
                List<Patch.Hunk> hunks = new ArrayList<>();
                i = hunks(lines, i, end, hunks, path);
                if (hunks.isEmpty()) {
                    throw new PatchException("Invalid patch hunk on line " + (i + 1) + ": Update file hunk for path '"
                            + path + "' is empty");
                }
                ops.add(new Patch.FileOp.Update(path, moveTo, hunks));
            } else {
                throw new PatchException("Invalid patch hunk on line " + (i + 1) + ": '" + line
                        + "' is not a valid hunk header. Valid hunk headers: '*** Add File: {path}', "
                        + "'*** Delete File: {path}', '*** Update File: {path}'");
            }
        }
        return new Patch(ops);
    }

    /** Reads the hunks of one Update section; returns the index of the first line after them. */
    private static int hunks(List<String> lines, int i, int end, List<Patch.Hunk> out, String path)
            throws PatchException {
        boolean first = true;
        while (i < end) {
            String raw = lines.get(i);
            String stripped = raw.strip();
            if (stripped.startsWith("*** ") && !stripped.equals(EOF_MARKER)) break;
            List<String> anchors = new ArrayList<>();
            int before = i;
            while (i < end && lines.get(i).strip().startsWith("@@")) {
                String a = lines.get(i).strip().substring(2).strip();
                if (!a.isEmpty()) anchors.add(a);
                i++;
            }
            boolean hadHeader = i > before;
            if (!hadHeader && !first) {
                throw new PatchException("Invalid patch hunk on line " + (i + 1) + ": expected '@@' to start a hunk in '"
                        + path + "', got '" + raw + "'");
            }
            List<String> oldLines = new ArrayList<>();
            List<String> newLines = new ArrayList<>();
            boolean eof = false;
            int body = 0;
            while (i < end) {
                String l = lines.get(i);
                if (l.strip().equals(EOF_MARKER)) { eof = true; i++; break; }
                if (l.strip().startsWith("@@") || (l.startsWith("*** ") && !l.isEmpty())) break;
                if (l.isEmpty()) { oldLines.add(""); newLines.add(""); }
                else switch (l.charAt(0)) {
                    case ' ' -> { oldLines.add(l.substring(1)); newLines.add(l.substring(1)); }
                    case '-' -> oldLines.add(l.substring(1));
                    case '+' -> newLines.add(l.substring(1));
                    default -> throw new PatchException("Invalid patch hunk on line " + (i + 1) + ": unexpected line '"
                            + l + "' in '" + path + "' (hunk lines start with ' ', '-' or '+')");
                }
                body++;
                i++;
            }
            if (body == 0 && !eof) {
                throw new PatchException("Invalid patch hunk on line " + (i + 1) + ": hunk in '" + path
                        + "' has no lines");
            }
            out.add(new Patch.Hunk(anchors, oldLines, newLines, eof));
            first = false;
        }
        return i;
    }

    private static String path(String line, String prefix, int i) throws PatchException {
        String p = line.substring(prefix.length()).strip();
        if (p.isEmpty()) throw new PatchException("Invalid patch hunk on line " + (i + 1) + ": missing path in '" + line + "'");
        return p;
    }

    /** Models sometimes send the shell form {@code apply_patch <<'EOF'\n...\nEOF}. */
    private static void stripHeredoc(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first >= lines.size()) return;
        String head = lines.get(first).strip();
        int at = head.indexOf("<<");
        if (at < 0 || head.startsWith("***")) return;
        String tag = head.substring(at + 2).strip().replace("'", "").replace("\"", "").replace("-", "");
        int last = lines.size() - 1;
        while (last > first && lines.get(last).isBlank()) last--;
        if (last > first && lines.get(last).strip().equals(tag)) {
            lines.subList(last, lines.size()).clear();
            lines.subList(0, first + 1).clear();
        }
    }
}
