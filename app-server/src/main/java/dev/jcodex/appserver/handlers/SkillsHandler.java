package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.SkillsListParams;
import dev.jcodex.protocol.v2.SkillsListResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * skills/list: SKILL.md files under CODEX_HOME/skills (scope "user", or "system" under .system) and under
 * .codex/skills from each cwd up to its git root (scope "repo"). A SKILL.md starts with a front matter block
 * naming the skill; one that cannot be read is reported in {@code errors}, not skipped silently.
 */
public final class SkillsHandler {
    private static final int MAX_DEPTH = 4;

    private final Path codexHome;

    public SkillsHandler(Path codexHome) { this.codexHome = codexHome; }

    public void register(Dispatcher d) {
        d.onAsync(ClientRequests.SKILLS_LIST, this::list);
    }

    SkillsListResponse list(JsonRpcConnection conn, SkillsListParams p) {
        List<String> cwds = p.cwds() == null || p.cwds().isEmpty()
                ? List.of(dev.jcodex.core.config.WorkingDirectory.current().toString()) : p.cwds();
        List<SkillsListResponse.Entry> data = new ArrayList<>();
        for (String c : cwds) {
            Path cwd = CommandExecHandler.absolute("cwds[]", c);
            List<SkillsListResponse.Skill> skills = new ArrayList<>();
            List<SkillsListResponse.Error> errors = new ArrayList<>();
            for (Path dir : repoSkillDirs(cwd)) scan(dir, "repo", skills, errors);
            scan(codexHome.resolve("skills"), "user", skills, errors);
            data.add(new SkillsListResponse.Entry(cwd.toString(), skills, errors));
        }
        return new SkillsListResponse(data);
    }


    private static List<Path> repoSkillDirs(Path cwd) {
        List<Path> out = new ArrayList<>();
        for (Path d = cwd; d != null; d = d.getParent()) {
            Path s = d.resolve(".codex").resolve("skills");
            if (Files.isDirectory(s)) out.add(s);
            if (Files.exists(d.resolve(".git"))) break;
        }
        return out;
    }

    private static void scan(Path root, String scope, List<SkillsListResponse.Skill> skills,
                             List<SkillsListResponse.Error> errors) {
        if (!Files.isDirectory(root)) return;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            files = s.filter(f -> f.getFileName().toString().equals("SKILL.md") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.add(new SkillsListResponse.Error(root.toString(), "cannot list skills: " + e.getMessage()));
            return;
        }
        for (Path f : files) {
            String fileScope = root.relativize(f).startsWith(".system") ? "system" : scope;
            try {
                Map<String, String> fm = frontMatter(Files.readString(f));
                String name = fm.get("name"), description = fm.get("description");
                if (name == null || name.isBlank()) throw new IOException("missing `name` in front matter");
                if (description == null) throw new IOException("missing `description` in front matter");
                Map<String, Object> ui = null;
                if (fm.containsKey("metadata.short-description")) {
                    ui = new LinkedHashMap<>();
                    ui.put("shortDescription", fm.get("metadata.short-description"));
                }
                skills.add(new SkillsListResponse.Skill(name, description, ui, f.toString(), fileScope, true, null));
            } catch (IOException | RuntimeException e) {
                errors.add(new SkillsListResponse.Error(f.toString(), e.getMessage()));
            }
        }
    }

    /** The {@code key: value} lines of a leading {@code ---} block (one level of nesting, as dotted keys). */
    static Map<String, String> frontMatter(String text) throws IOException {
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
