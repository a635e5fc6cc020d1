package dev.jcodex.core.skills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where skills live, as Codex 0.171 finds them: {@code .agents/skills} and {@code .codex/skills} in the cwd and
 * each parent up to the git root (scope "repo"), {@code $CODEX_HOME/skills} and {@code $HOME/.agents/skills}
 * ("user"; {@code $CODEX_HOME/skills/.system} is "system"). A SKILL.md that cannot be read or lacks its
 * front matter is reported, not skipped silently.
 */
public final class SkillCatalog {
    private static final int MAX_DEPTH = 4;
    private static final List<String> REPO_DIRS = List.of(".agents", ".codex");

    /** A SKILL.md that could not be used, and why. */
    public record Problem(Path path, String message) {}

    /** The skills for one cwd (repo first, then user, then system; by name within a scope) and the problems. */
    public record Found(List<Skill> skills, List<Problem> errors) {
        /** The skill whose SKILL.md is {@code path}, or null. */
        public Skill byPath(Path path) {
            Path p = path.toAbsolutePath().normalize();
            for (Skill s : skills) if (s.path().equals(p)) return s;
            return null;
        }
    }

    private SkillCatalog() {}

    /** {@code userHome}: the directory holding {@code .agents/skills} (the user's HOME), or null. */
    public static Found discover(Path codexHome, Path cwd, Path userHome) {
        List<Skill> skills = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir : repoSkillDirs(cwd.toAbsolutePath().normalize())) scan(dir, "repo", skills, errors, seen);
        if (codexHome != null) scan(codexHome.resolve("skills"), "user", skills, errors, seen);
        if (userHome != null) scan(userHome.resolve(".agents").resolve("skills"), "user", skills, errors, seen);
        skills.sort(Comparator.comparingInt((Skill s) -> rank(s.scope())).thenComparing(Skill::name));
        return new Found(List.copyOf(skills), List.copyOf(errors));
    }

    /** HOME as the environment gives it (as Codex reads it), else the JVM's idea of it. */
    public static Path userHome() {
        String h = System.getenv("HOME");
        if (h == null || h.isBlank()) h = System.getProperty("user.home");
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    private static int rank(String scope) {
        return switch (scope) {
            case "repo" -> 0;
            case "user" -> 1;
            default -> 2;
        };
    }

    private static List<Path> repoSkillDirs(Path cwd) {
        List<Path> out = new ArrayList<>();
        for (Path d = cwd; d != null; d = d.getParent()) {
            for (String name : REPO_DIRS) {
                Path s = d.resolve(name).resolve("skills");
                if (Files.isDirectory(s)) out.add(s);
            }
            if (Files.exists(d.resolve(".git"))) break;
        }
        return out;
    }

    private static void scan(Path root, String scope, List<Skill> skills, List<Problem> errors, Set<Path> seen) {
        if (!Files.isDirectory(root)) return;
        Path normRoot = root.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(normRoot, MAX_DEPTH)) {
            files = s.filter(f -> f.getFileName().toString().equals("SKILL.md") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            errors.add(new Problem(normRoot, "cannot list skills: " + e.getMessage()));
            return;
        }
        for (Path f : files) {
            if (!seen.add(f)) continue; // one directory reached as two roots (HOME inside the repo, ...)
            boolean system = normRoot.relativize(f).startsWith(".system");
            try {
                Map<String, String> fm = frontMatter(Files.readString(f));
                String name = fm.get("name"), description = fm.get("description");
                if (name == null || name.isBlank()) throw new IOException("missing `name` in front matter");
                if (description == null) throw new IOException("missing `description` in front matter");
                skills.add(new Skill(name, description, fm.get("metadata.short-description"), f,
                        system ? "system" : scope, system ? normRoot.resolve(".system") : normRoot));
            } catch (IOException | RuntimeException e) {
                errors.add(new Problem(f, e.getMessage()));
            }
        }
    }

    /** The {@code key: value} lines of a leading {@code ---} block (one level of nesting, as dotted keys). */
    public static Map<String, String> frontMatter(String text) throws IOException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) throw new IOException("missing front matter (---)");
        Map<String, String> out = new LinkedHashMap<>();
        String parent = null;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().equals("---")) return out;
            if (l.isBlank() || l.strip().startsWith("#")) continue;
            int colon = l.indexOf(':');
            if (colon < 0) continue;
            boolean nested = Character.isWhitespace(l.charAt(0));
            String key = l.substring(0, colon).strip();
            String value = unquote(l.substring(colon + 1).strip());
            if (!nested) {
                parent = value.isEmpty() ? key : null;
                if (!value.isEmpty()) out.put(key, value);
            } else if (parent != null) {
                out.put(parent + "." + key, value);
            }
        }
        throw new IOException("unterminated front matter");
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
