package dev.jcodex.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewChangesTest {
    @TempDir Path tmp;

    @Test
    void uncommittedIncludesStagedUnstagedAndUntracked() throws Exception {
        TestRepo r = new TestRepo(tmp);
        r.write("a.txt", "one\ntwo\n").write("b.txt", "keep\n").commitAll("base");
        r.write("a.txt", "one\nTWO\n");                        // unstaged
        r.write("b.txt", "keep\nstaged line\n").git("add", "b.txt"); // staged
        r.write("new/c.txt", "brand new\n");                   // untracked
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.UncommittedChanges(), 100_000);
        assertEquals("current changes", g.label());
        assertTrue(g.request().contains("+TWO"), g.request());
        assertTrue(g.request().contains("+staged line"), g.request());
        assertTrue(g.request().contains("+brand new"), g.request());
        assertTrue(g.request().contains("3 files changed"), g.request());
        assertTrue(g.request().contains("(HEAD "), g.request());
        assertFalse(g.truncated());
    }

    @Test
    void repositoryWithoutCommits() throws Exception {
        TestRepo r = new TestRepo(tmp);
        r.write("staged.txt", "s\n").git("add", "staged.txt");
        r.write("loose.txt", "l\n");
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.UncommittedChanges(), 100_000);
        assertTrue(g.request().contains("no commits yet"), g.request());
        assertTrue(g.request().contains("+s") && g.request().contains("+l"), g.request());
        ReviewException e = assertThrows(ReviewException.class,
                () -> ReviewChanges.gather(tmp, new ReviewTarget.BaseBranch("main"), 100_000));
        assertTrue(e.getMessage().contains("unknown branch") || e.getMessage().contains("no commits"), e.getMessage());
    }

    @Test
    void outsideRepositoryIsAClearError() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        ReviewException e = assertThrows(ReviewException.class,
                () -> ReviewChanges.gather(plain, new ReviewTarget.UncommittedChanges(), 100_000));
        assertTrue(e.getMessage().contains("not inside a git repository"), e.getMessage());
        // a custom review needs no repository
        ReviewChanges.Gathered g = ReviewChanges.gather(plain, new ReviewTarget.Custom("  check the README  "), 100);
        assertEquals("check the README", g.label());
    }

    @Test
    void binaryFilesAreNamedNotDumped() throws Exception {
        TestRepo r = new TestRepo(tmp);
        byte[] png = new byte[4096];
        for (int i = 0; i < png.length; i++) png[i] = (byte) (i * 7);
        r.writeBytes("img/logo.png", png).commitAll("logo");
        png[10] = 1;
        r.writeBytes("img/logo.png", png).writeBytes("blob.bin", new byte[]{0, 1, 2, 0, 3});
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.UncommittedChanges(), 100_000);
        assertTrue(g.request().contains("img/logo.png  (binary)"), g.request());
        assertTrue(g.request().contains("blob.bin  (binary)"), g.request());
        assertTrue(g.request().contains("Binary files"), g.request());
        assertTrue(g.request().length() < 5000, "no raw bytes: " + g.request().length());
    }

    @Test
    void baseBranchComparesWithTheMergeBase() throws Exception {
        TestRepo r = new TestRepo(tmp);
        r.write("f.txt", "base\n").commitAll("base");
        r.git("checkout", "-q", "-b", "feature");
        r.write("f.txt", "base\nfeature work\n").commitAll("feature commit");
        r.git("checkout", "-q", "main");
        r.write("other.txt", "main moved on\n").commitAll("main only");
        r.git("checkout", "-q", "feature");
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.BaseBranch("main"), 100_000);
        assertEquals("changes against 'main'", g.label());
        assertTrue(g.request().contains("+feature work"), g.request());
        assertFalse(g.request().contains("main moved on"), "changes only on main are not the branch's: " + g.request());
        assertTrue(g.request().contains("branch 'feature'"), g.request());
        ReviewException e = assertThrows(ReviewException.class,
                () -> ReviewChanges.gather(tmp, new ReviewTarget.BaseBranch("nope"), 100_000));
        assertTrue(e.getMessage().contains("unknown branch 'nope'"), e.getMessage());
    }

    @Test
    void commitTargetShowsThatCommitOnly() throws Exception {
        TestRepo r = new TestRepo(tmp);
        String first = r.write("f.txt", "v1\n").commitAll("first: add f");
        r.write("f.txt", "v2\n").commitAll("second");
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.Commit(first, null), 100_000);
        assertEquals("commit " + first.substring(0, 10) + ": first: add f", g.label());
        assertTrue(g.request().contains("+v1") && !g.request().contains("+v2"), g.request());
        ReviewChanges.Gathered titled = ReviewChanges.gather(tmp, new ReviewTarget.Commit(first.substring(0, 8), "Mine"), 100_000);
        assertEquals("commit " + first.substring(0, 10) + ": Mine", titled.label());
        assertThrows(ReviewException.class, () -> ReviewChanges.gather(tmp, new ReviewTarget.Commit("deadbeef", null), 1000));
        assertThrows(ReviewException.class, () -> ReviewChanges.gather(tmp, new ReviewTarget.Commit("--all", null), 1000));
    }

    @Test
    void twoMegabyteDiffIsFittedAndTheCutIsStated() throws Exception {
        TestRepo r = new TestRepo(tmp);
        r.write("small.txt", "a\n").write("huge.txt", "x\n").commitAll("base");
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 2 * 1024 * 1024; i++) big.append("generated line number ").append(i).append('\n');
        r.write("huge.txt", big.toString()).write("small.txt", "a\nimportant fix\n");
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.UncommittedChanges(), 100_000);
        assertTrue(g.truncated());
        assertTrue(g.diffChars() > 2 * 1024 * 1024, "measured the whole diff: " + g.diffChars());
        assertTrue(g.request().length() < 110_000, "fitted: " + g.request().length());
        assertTrue(g.request().contains("+important fix"), "the small file is kept whole");
        assertTrue(g.request().contains("so it was cut"), "the cut is stated");
        assertTrue(g.request().contains("[diff of huge.txt cut here for length: showed"), g.request().substring(0, 2000));
        assertTrue(g.request().contains("huge.txt  +"), "listed in the summary");
    }

    @Test
    void untrackedFilesMatchWhatGitWouldShow() throws Exception {
        TestRepo r = new TestRepo(tmp);
        r.write("base.txt", "b\n").commitAll("base");
        r.write("u/plain.txt", "one\ntwo\n").write("u/nonl.txt", "no newline").write("u/empty.txt", "");
        r.writeBytes("u/bin.dat", new byte[]{1, 0, 2});
        r.write(".gitignore", "ignored.txt\n").write("ignored.txt", "secret\n");
        java.nio.file.Files.createSymbolicLink(tmp.resolve("u/link"), java.nio.file.Path.of("plain.txt"));
        for (String path : java.util.List.of("u/plain.txt", "u/nonl.txt", "u/empty.txt", "u/bin.dat", "u/link")) {
            String ours = NewFileDiff.of(tmp, path, 1_000_000);
            String git = gitNoIndex(path);
            assertEquals(stripIndexLine(git), ours, path);
        }
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.UncommittedChanges(), 100_000);
        assertFalse(g.request().contains("secret"), "ignored files stay out");
        assertTrue(g.request().contains("+one") && g.request().contains("u/bin.dat  (binary)"), g.request());
    }

    @Test
    void aThousandUntrackedFilesAreAllRead() throws Exception {
        TestRepo r = new TestRepo(tmp);
        r.write("base.txt", "b\n").commitAll("base");
        for (int i = 0; i < 1000; i++) r.write("gen/f" + i + ".txt", "content " + i + "\n");
        long t0 = System.nanoTime();
        ReviewChanges.Gathered g = ReviewChanges.gather(tmp, new ReviewTarget.UncommittedChanges(), 1_000_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(g.truncated());
        assertTrue(g.request().contains("+content 999"));
        assertTrue(g.request().contains("1000 files changed"), g.request().substring(0, 300));
        assertTrue(ms < 5000, "took " + ms + " ms");
    }

    private String gitNoIndex(String path) throws Exception {
        Process p = new ProcessBuilder("git", "diff", "--no-index", "--no-color", "--", "/dev/null", path)
                .directory(tmp.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** git adds an "index 0000000..abc1234" line with blob hashes; we do not compute hashes. */
    private static String stripIndexLine(String diff) {
        return diff.replaceAll("(?m)^index [0-9a-f]+\\.\\.[0-9a-f]+\n", "");
    }
}
