package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Skills as Codex 0.171 gives them to the model (compared on its request bodies): the developer message lists
 * the skills found (repo {@code .agents/skills} and {@code .codex/skills}, {@code $CODEX_HOME/skills},
 * {@code $HOME/.agents/skills}) in a {@code <skills_instructions>} part; a {@code skill} input becomes a user
 * message of its own that carries the SKILL.md, after the message with the text; a skill input that names no
 * skill of the workspace is not sent (and the client is warned).
 */
class SkillInputTest {
    private static final String SKILL = "---\nname: %s\ndescription: %s\n---\n\n# %s\n\nStep one, then step two.\n";

    private static Path skill(Path root, String name, String description) throws Exception {
        Path f = root.resolve(name).resolve("SKILL.md");
        Files.createDirectories(f.getParent());
        Files.writeString(f, SKILL.formatted(name, description, name));
        return f;
    }

    private static List<String> texts(JsonNode message) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : message.path("content")) out.add(c.path("text").asText());
        return out;
    }

    @Test
    void skillInputSendsTheSkillFileAndTheDeveloperMessageListsTheSkills() throws Exception {
        Path userHome = Files.createTempDirectory("jcodex-home-");
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("ok", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""), Map.of("HOME", userHome.toString()), List.of())) {
                Files.createDirectories(d.work().resolve(".git"));
                Path repoSkill = skill(d.work().resolve(".agents/skills"), "repo-a", "A repo skill");
                skill(d.work().resolve(".codex/skills"), "repo-b", "Another repo skill");
                Path userSkill = skill(d.home().resolve("skills"), "user-c", "A user skill");
                skill(userHome.resolve(".agents/skills"), "home-d", "A skill in HOME");
                d.initialize();

                JsonNode listed = d.result(d.request("skills/list", Map.of("cwds", List.of(d.work().toString()))))
                        .path("data").get(0);
                List<String> found = new ArrayList<>();
                for (JsonNode s : listed.path("skills")) found.add(s.path("name").asText() + ":" + s.path("scope").asText());
                assertEquals(List.of("repo-a:repo", "repo-b:repo", "home-d:user", "user-c:user"), found);

                String threadId = d.startThread();
                d.result(d.request("turn/start", Map.of("threadId", threadId, "input", List.of(
                        Map.of("type", "text", "text", "please use it"),
                        Map.of("type", "skill", "name", "user-c", "path", userSkill.toString()),
                        Map.of("type", "skill", "name", "ghost", "path", d.work().resolve("nope/SKILL.md").toString())))));
                JsonNode warning = d.awaitNotification("warning");
                assertTrue(warning.path("params").path("message").asText().contains("ghost"), warning.toString());
                d.awaitNotification("turn/completed");

                JsonNode input = mock.requests().getFirst().path("input");
                JsonNode developer = input.get(0);
                assertEquals("developer", developer.path("role").asText());
                String block = texts(developer).stream().filter(t -> t.startsWith("<skills_instructions>")).findFirst()
                        .orElseThrow(() -> new AssertionError("no skills block: " + developer));
                assertTrue(block.endsWith("</skills_instructions>"), block);
                for (String name : List.of("repo-a", "repo-b", "user-c", "home-d")) {
                    assertTrue(block.contains("- " + name + ": "), name + " listed: " + block);
                }
                assertTrue(block.contains("(file: r0/repo-a/SKILL.md)"), block);
                assertTrue(block.contains("`r0` = `" + repoSkill.getParent().getParent() + "`"), block);
                assertTrue(texts(developer).indexOf(block) < texts(developer).size() - 1, "before the permissions");

                JsonNode text = input.get(input.size() - 2);
                assertEquals("user", text.path("role").asText());
                assertEquals(List.of("please use it"), texts(text));
                JsonNode skillMsg = input.get(input.size() - 1);
                assertEquals("user", skillMsg.path("role").asText());
                assertEquals(List.of("<skill>\n<name>user-c</name>\n<path>" + userSkill + "</path>\n"
                        + Files.readString(userSkill) + "\n</skill>"), texts(skillMsg));
                assertFalse(input.toString().contains("ghost"), "the unknown skill is not sent");
            }
        }
    }
}
