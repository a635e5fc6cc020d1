package dev.jcodex.core.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The git-style diff of a file that is new to the repository (an untracked file), made without git. */
final class NewFileDiff {
    /** git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
    static final int BINARY_PROBE = 8000;

    private NewFileDiff() {}

    /** The diff text, or null when the file cannot be read or is larger than {@code maxChars}. */
    static String of(Path root, String path, int maxChars) {
        Path f = root.resolve(path);
        try {
            String mode;
            byte[] bytes;
            if (Files.isSymbolicLink(f)) {
                mode = "120000";
                bytes = Files.readSymbolicLink(f).toString().getBytes(StandardCharsets.UTF_8);
            } else {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) return null;
                if (Files.size(f) > maxChars) return null;
                mode = Files.isExecutable(f) ? "100755" : "100644";
                bytes = Files.readAllBytes(f);
            }
            StringBuilder sb = new StringBuilder();
            sb.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                    .append("new file mode ").append(mode).append('\n');
            if (bytes.length == 0) return sb.toString();
            if (binary(bytes)) {
                return sb.append("Binary files /dev/null and b/").append(path).append(" differ\n").toString();
            }
            String content = new String(bytes, StandardCharsets.UTF_8);
            boolean newlineAtEnd = content.endsWith("\n");
            String[] lines = (newlineAtEnd ? content.substring(0, content.length() - 1) : content).split("\n", -1);
            sb.append("--- /dev/null\n+++ b/").append(path).append('\n')
                    .append("@@ -0,0 +1").append(lines.length == 1 ? "" : "," + lines.length).append(" @@\n");
            for (String line : lines) sb.append('+').append(line).append('\n');
            if (!newlineAtEnd) sb.append("\\ No newline at end of file\n");
            return sb.length() > maxChars ? null : sb.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean binary(byte[] bytes) {
        int n = Math.min(bytes.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
        return false;
    }
}
