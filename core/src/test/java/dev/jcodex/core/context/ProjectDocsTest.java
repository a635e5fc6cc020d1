package dev.jcodex.core.context;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.core.config.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDocsTest {
    @TempDir Path tmp;

    @Test
    void rootToCwdWithOverrideAndFallbacks() throws Exception {
        Path repo = tmp.resolve("repo");
        Path a = repo.resolve("a");
        Path b = a.resolve("b");
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(b);
        Files.writeString(tmp.resolve("AGENTS.md"), "outside the repo: never read");
        Files.writeString(repo.resolve("AGENTS.md"), "root rules");
        Files.writeString(a.resolve("AGENTS.md"), "a rules (shadowed)");
        Files.writeString(a.resolve("AGENTS.override.md"), "a override");
        Files.writeString(b.resolve("CLAUDE.md"), "b fallback");
        Path root = ProjectRoot.find(b, List.of(".git"));
        assertEquals(repo, root);
        assertEquals("root rules\n\na override", ProjectDocs.projectDocs(b, root, List.of(), 32768));
        assertEquals("root rules\n\na override\n\nb fallback",
                ProjectDocs.projectDocs(b, root, List.of("CLAUDE.md"), 32768));
    }

    @Test
    void withoutAProjectRootOnlyCwdIsRead() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("x/y"));
        Files.writeString(tmp.resolve("x/AGENTS.md"), "parent");
        Files.writeString(d.resolve("AGENTS.md"), "here");
        assertEquals("here", ProjectDocs.projectDocs(d, ProjectRoot.find(d, List.of(".no-such-marker")), List.of(), 100));
    }

    @Test
    void theCapCutsTheLastFileAndZeroDisables() throws Exception {
        Path repo = tmp.resolve("r");
        Path sub = Files.createDirectories(repo.resolve("s"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve("AGENTS.md"), "0123456789");
        Files.writeString(sub.resolve("AGENTS.md"), "abcdefghij");
        assertEquals("0123456789\n\nabcde", ProjectDocs.projectDocs(sub, repo, List.of(), 15));
        assertEquals("01234", ProjectDocs.projectDocs(sub, repo, List.of(), 5));
        assertNull(ProjectDocs.projectDocs(sub, repo, List.of(), 0));
        // a cut never splits a multi-byte character
        Files.writeString(repo.resolve("AGENTS.md"), "héllo");
        assertEquals("h", ProjectDocs.projectDocs(repo, repo, List.of(), 2));
    }

    @Test
    void globalInstructionsComeFirstWithTheMarker() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("AGENTS.md"), "global");
        String g = ProjectDocs.globalInstructions(home, "from config");
        assertEquals("from config\n\nglobal", g);
        String msg = ProjectDocs.userInstructions(tmp, g, "project");
        assertTrue(msg.startsWith("# AGENTS.md instructions for " + tmp + "\n\n<INSTRUCTIONS>\n"));
        assertTrue(msg.contains("global\n\n--- project-doc ---\n\nproject\n</INSTRUCTIONS>"));
        assertNull(ProjectDocs.userInstructions(tmp, null, null));
    }
}
