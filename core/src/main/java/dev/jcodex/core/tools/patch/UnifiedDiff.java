package dev.jcodex.core.tools.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Unified diffs: bare hunks for fileChange items and git-style file sections for turn/diff/updated. */
public final class UnifiedDiff {
    private UnifiedDiff() {}

    /** The {@code @@} hunks turning {@code before} into {@code after}, with 3 lines of context. */
    public static String hunks(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a", "b", a, DiffUtils.diff(a, b), 3);
        StringBuilder sb = new StringBuilder();
        for (int i = 2; i < out.size(); i++) sb.append(gitHeader(out.get(i))).append('\n');
        return sb.toString();
    }

    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile(
            "^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@(.*)$");

    /** Writes hunk ranges as git and GNU diff do: an empty range starts at the line before, a count of 1 is implied. */
    static String gitHeader(String line) {
        java.util.regex.Matcher m = HEADER.matcher(line);
        if (!m.matches()) return line;
        return "@@ -" + range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) + " +"
                + range(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))) + " @@" + m.group(5);
    }

    private static String range(int start, int count) {
        if (count == 0) return Math.max(0, start - 1) + ",0";
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** One git-style section for {@code name}; null content means the file does not exist on that side. */
    public static String gitSection(String name, String before, String after) {
        if (before == null && after == null) return "";
        if (before != null && before.equals(after)) return "";
        StringBuilder sb = new StringBuilder("diff --git a/").append(name).append(" b/").append(name).append('\n');
        String zero = "0".repeat(40);
        if (before == null) sb.append("new file mode 100644\n");
        if (after == null) sb.append("deleted file mode 100644\n");
        sb.append("index ").append(before == null ? zero : blobId(before)).append("..")
                .append(after == null ? zero : blobId(after)).append('\n');
        sb.append(before == null ? "--- /dev/null\n" : "--- a/" + name + "\n");
        sb.append(after == null ? "+++ /dev/null\n" : "+++ b/" + name + "\n");
        sb.append(hunks(before == null ? "" : before, after == null ? "" : after));
        return sb.toString();
    }

    /** git's blob id: SHA-1 of "blob {length}\0{content}". */
    static String blobId(String content) {
        try {
            byte[] body = content.getBytes(StandardCharsets.UTF_8);
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + body.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String s) {
        if (s.isEmpty()) return List.of();
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return List.of(t.split("\n", -1));
    }
}
