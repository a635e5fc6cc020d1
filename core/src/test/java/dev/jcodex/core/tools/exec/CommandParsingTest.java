package dev.jcodex.core.tools.exec;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.core.item.Item.CommandActionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParsingTest {
    @Test
    void actions() {
        assertEquals(List.of(new CommandActionInfo("read", "cat src/Main.java", "Main.java", "src/Main.java", null)),
                CommandActions.parse("cat src/Main.java"));
        assertEquals(List.of(new CommandActionInfo("listFiles", "ls -la", null, null, null)), CommandActions.parse("ls -la"));
        assertEquals(List.of(new CommandActionInfo("search", "rg -n TODO src", null, "src", "TODO")),
                CommandActions.parse("rg -n TODO src | head -20"));
        assertEquals(List.of(new CommandActionInfo("read", "sed -n 1,20p a.txt", "a.txt", "a.txt", null)),
                CommandActions.parse("cd sub && sed -n 1,20p a.txt"));
        assertEquals(List.of(new CommandActionInfo("unknown", "echo hi > out.txt && cat out.txt", null, null, null)),
                CommandActions.parse("echo hi > out.txt && cat out.txt"));
        assertEquals("unknown", CommandActions.parse("make test").getFirst().kind());
        assertEquals("unknown", CommandActions.parse("cat $(ls)").getFirst().kind());
    }

    @Test
    void knownSafe() {
        assertTrue(SafeCommands.isKnownSafe("ls"));
        assertTrue(SafeCommands.isKnownSafe("cat a.txt | grep x && git status"));
        assertFalse(SafeCommands.isKnownSafe("echo hi > out.txt && cat out.txt"));
        assertFalse(SafeCommands.isKnownSafe("rm -rf build"));
        assertFalse(SafeCommands.isKnownSafe("find . -delete"));
        assertFalse(SafeCommands.isKnownSafe("echo `rm x`"));
        assertFalse(SafeCommands.isKnownSafe("sed -i s/a/b/ f"));
    }

    @Test
    void displayQuoting() {
        assertEquals("/bin/bash -c ls", ShellWords.join(List.of("/bin/bash", "-c", "ls")));
        assertEquals("/bin/bash -lc 'echo it'\"'\"'s'", ShellWords.join(List.of("/bin/bash", "-lc", "echo it's")));
    }

    @Test
    void outputIsMiddleTruncated() {
        String s = "a".repeat(100) + "b".repeat(100);
        String t = ExecOutput.truncate(s, 10);
        assertTrue(t.startsWith("a".repeat(20)) && t.endsWith("b".repeat(20)) && t.contains("tokens truncated"), t);
        String full = ExecOutput.format("hi\n", 0.01, 0, 1, 100);
        assertTrue(full.matches("(?s)Chunk ID: [0-9a-f]{6}\nWall time: 0\\.0100 seconds\nProcess exited with code 0\n"
                + "Original token count: 1\nOutput:\nhi\n"), full);
    }

    @Test
    void utf8ChunksNeverSplitACharacter() {
        ExecSession.Utf8Chunker c = new ExecSession.Utf8Chunker();
        byte[] b = "é🎉".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(c.push(new byte[] {x}, 1));
        assertEquals("é🎉", sb.toString());
    }
}
