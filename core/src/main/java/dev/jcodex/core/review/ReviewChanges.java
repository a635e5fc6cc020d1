package dev.jcodex.core.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what a review target covers with git, and states it for the reviewer: a description of the
 * target, a per-file summary, and the diff fitted to the budget (with the fitting stated when it cut).
 */
public final class ReviewChanges {
    /** Raw diff text read from git before fitting; far above any budget, it only bounds memory. */
    static final int CAPTURE_CAP = 24 * 1024 * 1024;
    public static final int DEFAULT_BUDGET = 200_000;

    private ReviewChanges() {}

    /**
     * What the reviewer is asked to look at: {@code label} is the short user-facing description
     * (enteredReviewMode), {@code ask} the one-sentence request shown as the turn's user message, and
     * {@code request} the full text sent to the reviewer model (with the diff).
     */
    public record Gathered(String label, String ask, String request, boolean truncated, int diffChars) {}

    public static Gathered gather(Path cwd, ReviewTarget target, int budget) {
        return switch (target) {
            case ReviewTarget.Custom c -> {
                String text = c.instructions() == null ? "" : c.instructions().strip();
                if (text.isEmpty()) throw new ReviewException("custom review instructions must not be empty");
                yield new Gathered(text, text, ReviewPrompt.customRequest(text, cwd), false, 0);
            }
            case ReviewTarget.UncommittedChanges u -> uncommitted(cwd, budget);
            case ReviewTarget.BaseBranch b -> baseBranch(cwd, b, budget);
            case ReviewTarget.Commit c -> commit(cwd, c, budget);
        };
    }

    private static Git repo(Path cwd, String what) {
        Git git = new Git(cwd);
        Git.Result top = git.run("rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new ReviewException(cwd + " is not inside a git repository, so there are no " + what
                    + " to review (a custom review works anywhere)");
        }
        return new Git(Path.of(top.text().strip()));
    }

    private static boolean hasHead(Git git) {
        return git.run("rev-parse", "--verify", "-q", "HEAD^{commit}").ok();
    }

    private static String emptyTree(Git git) {
        Git.Result r = git.run("hash-object", "-t", "tree", "/dev/null");
        if (!r.ok()) throw new ReviewException("git hash-object failed: " + r.err());
        return r.text().strip();
    }

    private static Gathered uncommitted(Path cwd, int budget) {
        Git git = repo(cwd, "uncommitted changes");
        boolean head = hasHead(git);
        String base = head ? "HEAD" : emptyTree(git);
        Diff d = trackedDiff(git, base);
        d.addUntracked(git);
        String where = head ? "compared with the last commit (HEAD " + describe(git, "HEAD") + ")"
                : "in a repository that has no commits yet, so every file is new";
        String intro = "Review the uncommitted changes in " + git.root() + ": staged, unstaged and untracked files, "
                + where + ".";
        return d.finish("current changes", "Review the uncommitted changes (staged, unstaged and untracked files) "
                + "and report prioritized findings.", intro, budget);
    }

    private static Gathered baseBranch(Path cwd, ReviewTarget.BaseBranch b, int budget) {
        String branch = b.branch() == null ? "" : b.branch().strip();
        if (branch.isEmpty()) throw new ReviewException("baseBranch review needs a branch name");
        Git git = repo(cwd, "branch changes");
        if (branch.startsWith("-")) throw new ReviewException("not a branch name: " + branch);
        if (!git.run("rev-parse", "--verify", "-q", branch + "^{commit}").ok()) {
            throw new ReviewException("unknown branch '" + branch + "' in " + git.root());
        }
        if (!hasHead(git)) {
            throw new ReviewException("the repository at " + git.root() + " has no commits yet, so there is nothing "
                    + "to compare with '" + branch + "'; review the uncommitted changes instead");
        }
        // Compare with the upstream of the branch when it has one: the local copy is often behind.
        String ref = branch;
        Git.Result up = git.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", branch + "@{upstream}");
        if (up.ok() && !up.text().isBlank() && git.run("rev-parse", "--verify", "-q", up.text().strip() + "^{commit}").ok()) {
            ref = up.text().strip();
        }
        Git.Result mb = git.run("merge-base", "HEAD", ref);
        String base;
        String note;
        if (mb.ok()) {
            base = mb.text().strip();
            note = "The merge base with " + ref + " is " + shortSha(base) + ".";
        } else {
            base = ref;
            note = "HEAD and " + ref + " share no history, so this compares with " + ref + " directly.";
        }
        Diff d = trackedDiff(git, base);
        d.addUntracked(git);
        String current = git.run("rev-parse", "--abbrev-ref", "HEAD").text().strip();
        String intro = "Review the changes on " + (current.isEmpty() || current.equals("HEAD") ? "the checked-out commit"
                : "branch '" + current + "'") + " (HEAD " + describe(git, "HEAD") + ") relative to the base branch '"
                + branch + "', including uncommitted and untracked work. " + note;
        return d.finish("changes against '" + branch + "'", "Review the changes against the base branch '" + branch
                + "' and report prioritized findings.", intro, budget);
    }

    private static Gathered commit(Path cwd, ReviewTarget.Commit c, int budget) {
        String sha = c.sha() == null ? "" : c.sha().strip();
        if (sha.isEmpty()) throw new ReviewException("commit review needs a sha");
        Git git = repo(cwd, "commits");
        if (sha.startsWith("-") || !git.run("rev-parse", "--verify", "-q", sha + "^{commit}").ok()) {
            throw new ReviewException("unknown commit '" + sha + "' in " + git.root());
        }
        String full = git.run("rev-parse", sha + "^{commit}").text().strip();
        Git.Result meta = git.run("log", "-1", "--format=%an <%ae>%n%aI%n%s%n%n%b", full);
        String[] parts = meta.text().split("\n", 4);
        String subject = parts.length > 2 ? parts[2] : "";
        String title = c.title() != null && !c.title().isBlank() ? c.title().strip() : subject;
        Git.Result show = git.run(CAPTURE_CAP, "show", "--format=", "--patch", "--no-ext-diff", "--find-renames",
                "--diff-merges=first-parent", full, "--");
        if (!show.ok()) throw new ReviewException("git show " + shortSha(full) + " failed: " + show.err());
        Diff d = new Diff(git, show.text().stripLeading(), show.capped());
        if (show.capped()) d.unreachedFrom("show", "--format=", "--name-only", "--diff-merges=first-parent", full, "--");
        StringBuilder intro = new StringBuilder("Review the changes introduced by commit ").append(full);
        if (parts.length > 1) intro.append(" by ").append(parts[0]).append(" on ").append(parts[1]);
        intro.append(".\nCommit message:\n").append(meta.text().lines().skip(2).map(l -> "    " + l)
                .reduce((a, b2) -> a + "\n" + b2).orElse("").stripTrailing());
        String label = "commit " + shortSha(full) + (title.isEmpty() ? "" : ": " + title);
        return d.finish(label, "Review the changes of " + label + " and report prioritized findings.",
                intro.toString(), budget);
    }

    private static Diff trackedDiff(Git git, String base) {
        Git.Result r = git.run(CAPTURE_CAP, "diff", "--no-ext-diff", "--find-renames", base, "--");
        if (!r.ok()) throw new ReviewException("git diff failed: " + r.err());
        Diff d = new Diff(git, r.text(), r.capped());
        if (r.capped()) d.unreachedFrom("diff", "--name-only", base, "--");
        return d;
    }

    private static String describe(Git git, String rev) {
        Git.Result r = git.run("log", "-1", "--format=%h %s", rev);
        return r.ok() ? r.text().strip() : rev;
    }

    private static String shortSha(String sha) { return sha.length() > 10 ? sha.substring(0, 10) : sha; }

    /** A diff being assembled: what git produced, plus files known to be changed whose text was not read. */
    private static final class Diff {
        final Git git;
        final StringBuilder text;
        boolean capped;
        final List<String> unreached = new ArrayList<>();

        Diff(Git git, String text, boolean capped) {
            this.git = git;
            this.text = new StringBuilder(text);
            this.capped = capped;
            if (capped) dropPartialLastFile();
        }

        /** After a capped read, the last file's text is incomplete: drop it, it is listed as unreached. */
        private void dropPartialLastFile() {
            int last = Math.max(text.lastIndexOf("\ndiff --git "), text.lastIndexOf("\ndiff --cc "));
            text.setLength(last < 0 ? 0 : last + 1);
        }

        void unreachedFrom(String... args) {
            Git.Result names = git.run(args);
            java.util.Set<String> have = new java.util.HashSet<>();
            for (FileDiff f : FileDiff.split(text.toString())) have.add(f.path());
            for (String n : names.text().split("\n")) if (!n.isBlank() && !have.contains(n)) unreached.add(n);
        }

        /**
         * Adds every untracked, not-ignored file as a new-file diff. The files are read here rather than with
         * one {@code git diff --no-index} per file: a fresh checkout with a thousand new files costs
         * milliseconds instead of seconds.
         */
        void addUntracked(Git git) {
            Git.Result r = git.run("ls-files", "--others", "--exclude-standard", "-z");
            if (!r.ok()) return;
            for (String path : r.text().split("\0")) {
                if (path.isEmpty()) continue;
                if (capped || text.length() >= CAPTURE_CAP) {
                    unreached.add(path + " (untracked)");
                    continue;
                }
                String d = NewFileDiff.of(git.root(), path, CAPTURE_CAP - text.length());
                if (d == null) unreached.add(path + " (untracked)");
                else text.append(d);
            }
        }

        Gathered finish(String label, String ask, String intro, int budget) {
            List<FileDiff> files = FileDiff.split(text.toString());
            if (files.isEmpty() && unreached.isEmpty()) {
                return new Gathered(label, ask, ReviewPrompt.emptyRequest(intro), false, 0);
            }
            DiffBudget.Fitted fitted = DiffBudget.fit(files, unreached, budget);
            return new Gathered(label, ask, ReviewPrompt.diffRequest(intro, fitted, budget), fitted.cut(),
                    fitted.totalChars());
        }
    }
}
