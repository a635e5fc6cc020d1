package dev.jcodex.core.skills;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model is told about skills, in the structure Codex uses: a {@code <skills_instructions>} block in
 * the developer message (a table of root aliases, one line per skill with its short path, then how to use
 * them), and for each skill the user picks, a user message {@code <skill><name/><path/>SKILL.md</skill>}.
 */
public final class SkillPrompts {
    private SkillPrompts() {}

    /** The developer-message block listing {@code skills}; null when there are none. */
    public static String instructions(List<Skill> skills) {
        if (skills.isEmpty()) return null;
        Map<Path, String> aliases = new LinkedHashMap<>();
        for (Skill s : skills) aliases.computeIfAbsent(s.root(), r -> "r" + aliases.size());
        StringBuilder b = new StringBuilder("<skills_instructions>\n## Skills\n");
        b.append("Skills are local instruction sets, each kept in a `SKILL.md` file. The skills of this session are ")
                .append("listed below with a description and a short path; a short path starts with an alias from ")
                .append("the table of skill roots.\n### Skill roots\n");
        aliases.forEach((root, alias) -> b.append("- `").append(alias).append("` = `").append(root).append("`\n"));
        b.append("### Available skills\n");
        for (Skill s : skills) {
            b.append("- ").append(s.name()).append(": ").append(s.description()).append(" (file: ")
                    .append(aliases.get(s.root())).append('/').append(s.root().relativize(s.path())).append(")\n");
        }
        b.append("""
                ### Using skills
                - Use a skill when the user names it (as `$name` or in words) or when the task plainly fits its \
                description. It applies to that turn only, unless it is named again.
                - Before acting on a skill, read its whole `SKILL.md` (put the root's path in place of the alias). \
                Paths it mentions are relative to the folder that holds that `SKILL.md`.
                - Open only the extra files the skill points to that this task needs; run or adapt its `scripts/` \
                and reuse its `assets/` rather than writing them again.
                - If a named skill is not listed or its file cannot be read, say so in one line and go on without it.
                - When several skills apply, use the fewest that cover the request and say in one line which ones \
                you use and why.
                </skills_instructions>""");
        return b.toString();
    }

    /** The user message that hands the model a chosen skill: its name, its path and its SKILL.md as it is. */
    public static String skillMessage(Skill skill, String body) {
        return "<skill>\n<name>" + skill.name() + "</name>\n<path>" + skill.path() + "</path>\n" + body + "\n</skill>";
    }
}
