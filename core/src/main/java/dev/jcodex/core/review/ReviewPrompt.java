package dev.jcodex.core.review;

import java.nio.file.Path;

/** The reviewer's instructions and the request texts it is given for each kind of target. */
public final class ReviewPrompt {
    private ReviewPrompt() {}

    /** The reviewer's standing instructions (sent as the request's instructions, not as thread history). */
    public static final String INSTRUCTIONS = """
            You are reviewing a code change for a colleague before it lands. Your job is to find the problems \
            that matter, explain them precisely, and say clearly when there are none.

            What counts as a finding:
            - A defect the change introduces or exposes: wrong results, crashes, unhandled errors, broken edge \
            cases (empty input, nulls, off-by-one, overflow, encoding), races and deadlocks, resource leaks, \
            security holes (injection, path traversal, secrets, unsafe deserialization), data loss, behaviour \
            that breaks existing callers or stored data, and significant performance regressions.
            - Only report something you can tie to specific lines of the change and explain concretely: when \
            does it go wrong, and what happens then. Do not report guesses you cannot support from the code.
            - Skip style preferences, naming, formatting and matters of taste unless they hide a real bug. Do \
            not praise the code and do not restate what the change does.
            - Pre-existing problems are out of scope unless the change makes them worse.

            How to write the review:
            - One finding per problem, most serious first. Start each with a priority tag and a short title, \
            for example "[P1] Cache key ignores the locale". Priorities: P0 = must not ship (data loss, \
            security, broken build or startup); P1 = a real bug users will hit; P2 = a bug in a rarer path or \
            a notable risk; P3 = minor but still worth fixing.
            - Under the title give the location as path:line or path:start-end (paths as they appear in the \
            diff), then a short explanation (two to five sentences) of the failure and, when it is not \
            obvious, how to fix it. Quote at most a few lines of code.
            - Finish with a line "Verdict: correct" or "Verdict: needs changes", followed by one or two \
            sentences explaining the verdict.
            - If the material you were given was cut for length, say which parts you could not review.

            You may run read-only commands to look at files around the change, but do not modify anything: \
            this is a review, not a fix.""";

    static String diffRequest(String intro, DiffBudget.Fitted f, int budget) {
        StringBuilder sb = new StringBuilder(intro).append("\n\n");
        if (f.cut()) {
            sb.append("Note: the full diff is ").append(f.totalChars()).append(" characters across ").append(f.files())
                    .append(" files, more than the ").append(budget).append(" that fit in this request, so it was cut. ")
                    .append("Every file is listed in the summary below; ");
            if (f.partial() > 0) sb.append(f.partial()).append(" shown only in part");
            if (f.partial() > 0 && f.omitted() > 0) sb.append(" and ");
            if (f.omitted() > 0) sb.append(f.omitted()).append(" left out entirely");
            sb.append(" (each cut is marked in place). Small files were kept whole first. Base your findings on ")
                    .append("what is shown, read the cut files yourself if you can, and say in the review what you ")
                    .append("could not check.\n\n");
        }
        sb.append("Summary of changed files:\n").append(f.summary()).append("\nDiff:\n```diff\n").append(f.diff());
        if (!f.diff().endsWith("\n")) sb.append('\n');
        return sb.append("```\n").toString();
    }

    static String emptyRequest(String intro) {
        return intro + "\n\nThere are no changes: git reports an empty diff for this target. Say so in the review "
                + "and give the verdict \"correct\" with that explanation.";
    }

    static String customRequest(String instructions, Path cwd) {
        return "Perform this review of the code in " + cwd + ":\n\n" + instructions + "\n\nNo diff was gathered "
                + "for this request; look at the relevant files yourself.";
    }
}
