package dev.jcodex.core.context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AGENTS.md discovery, as Codex does it: from the project root (nearest ancestor with a root marker, else
 * cwd alone) down to cwd, each directory contributes its first existing file among
 * {@code AGENTS.override.md}, {@code AGENTS.md} and the configured fallback names. The files are joined with
 * a blank line and the total is capped at {@code project_doc_max_bytes} (the last file is cut; 0 disables).
 * Global instructions ({@code instructions} in config, then {@code CODEX_HOME/AGENTS.override.md} or
 * {@code AGENTS.md}) come first, separated from the project docs by a marker line.
 */
public final class ProjectDocs {
    public static final long DEFAULT_MAX_BYTES = 32 * 1024;
    public static final String SEPARATOR = "--- project-doc ---";
    static final String OVERRIDE = "AGENTS.override.md";
    static final String DEFAULT = "AGENTS.md";

    private ProjectDocs() {}

    /**
     * The files the instructions of a thread in {@code cwd} come from, in the order they are used: CODEX_HOME's
     * global file, then one project doc per directory from the root down (what thread/start reports as
     * {@code instructionSources}). Files that are empty or unreadable contribute nothing and are not listed.
     */
    public static List<Path> sources(Path codexHome, Path cwd, Path root, List<String> fallbackNames, long maxBytes) {
        List<Path> out = new ArrayList<>();
        for (String name : List.of(OVERRIDE, DEFAULT)) {
            Path f = codexHome.resolve(name);
            if (nonEmpty(f)) {
                out.add(f);
                break;
            }
        }
        if (maxBytes == 0) return out;
        for (Path d : projectDirs(cwd, root)) {
            for (String name : names(fallbackNames)) {
                Path f = d.resolve(name);
                if (!Files.isRegularFile(f)) continue;
                if (nonEmpty(f)) out.add(f);
                break;
            }
        }
        return out;
    }

    private static boolean nonEmpty(Path f) {
        try {
            return Files.isRegularFile(f) && !Files.readString(f).isBlank();
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static List<Path> projectDirs(Path cwd, Path root) {
        List<Path> dirs = new ArrayList<>();
        Path dir = cwd.toAbsolutePath().normalize();
        if (root == null) {
            dirs.add(dir);
        } else {
            for (Path p = dir; p != null; p = p.getParent()) {
                dirs.addFirst(p);
                if (p.equals(root)) break;
            }
        }
        return dirs;
    }

    private static List<String> names(List<String> fallbackNames) {
        List<String> names = new ArrayList<>(List.of(OVERRIDE, DEFAULT));
        for (String f : fallbackNames) if (!f.isBlank() && !names.contains(f)) names.add(f);
        return names;
    }

    /** The project docs for {@code cwd}, joined and capped, or null when there are none. */
    public static String projectDocs(Path cwd, Path root, List<String> fallbackNames, long maxBytes) {
        if (maxBytes == 0) return null;
        List<Path> dirs = new ArrayList<>();
        Path dir = cwd.toAbsolutePath().normalize();
        if (root == null) {
            dirs.add(dir);
        } else {
            for (Path p = dir; p != null; p = p.getParent()) {
                dirs.addFirst(p);
                if (p.equals(root)) break;
            }
        }
        List<String> names = new ArrayList<>(List.of(OVERRIDE, DEFAULT));
        for (String f : fallbackNames) if (!f.isBlank() && !names.contains(f)) names.add(f);
        StringBuilder out = new StringBuilder();
        long budget = maxBytes < 0 ? Long.MAX_VALUE : maxBytes;
        for (Path d : dirs) {
            if (budget <= 0) break;
            for (String name : names) {
                Path f = d.resolve(name);
                if (!Files.isRegularFile(f)) continue;
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (IOException e) {
                    continue;
                }
                String text = truncate(bytes, budget).strip();
                if (text.isEmpty()) break;
                budget -= Math.min(bytes.length, budget);
                if (!out.isEmpty()) out.append("\n\n");
                out.append(text);
                break;
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Global instructions: config {@code instructions} then CODEX_HOME's AGENTS.override.md or AGENTS.md. */
    public static String globalInstructions(Path codexHome, String configInstructions) {
        StringBuilder sb = new StringBuilder();
        if (configInstructions != null && !configInstructions.isBlank()) sb.append(configInstructions.strip());
        for (String name : List.of(OVERRIDE, DEFAULT)) {
            Path f = codexHome.resolve(name);
            try {
                if (Files.isRegularFile(f)) {
                    String t = Files.readString(f).strip();
                    if (t.isEmpty()) continue;
                    if (!sb.isEmpty()) sb.append("\n\n");
                    sb.append(t);
                    break;
                }
            } catch (IOException ignored) {
                // unreadable: as if absent
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The user-instructions message text for {@code cwd}, or null when there is nothing to say. */
    public static String userInstructions(Path cwd, String global, String project) {
        String body;
        if (global != null && project != null) body = global + "\n\n" + SEPARATOR + "\n\n" + project;
        else body = global != null ? global : project;
        if (body == null) return null;
        return "# AGENTS.md instructions for " + cwd + "\n\n<INSTRUCTIONS>\n" + body + "\n</INSTRUCTIONS>";
    }

    /** The longest prefix of {@code bytes} within {@code limit} bytes that does not split a character. */
    static String truncate(byte[] bytes, long limit) {
        int n = (int) Math.min(bytes.length, limit);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        if (n == bytes.length) return new String(bytes, StandardCharsets.UTF_8);
        // back off over UTF-8 continuation bytes so the cut lands on a character boundary
        while (n > 0 && (bytes[n] & 0xC0) == 0x80) n--;
        CharBuffer cb = CharBuffer.allocate(n);
        dec.decode(ByteBuffer.wrap(bytes, 0, n), cb, true);
        cb.flip();
        return cb.toString();
    }
}
