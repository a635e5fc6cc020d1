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

/** review/start over stdio against temporary git repositories and the mock Responses server. */
class ReviewTest {
    static final String REVIEW = "[P1] Second line is shouted\nat a.txt:2: TWO is upper case now, callers compare "
            + "case-sensitively.\n\nVerdict: needs changes. One real bug.";

    static String startThread(Daemon d, Path cwd) throws Exception {
        return d.result(d.request("thread/start", Map.of("cwd", cwd.toString()))).path("thread").path("id").asText();
    }

    static JsonNode review(Daemon d, String threadId, Object target, String delivery) throws Exception {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("threadId", threadId, "target", target));
        if (delivery != null) p.put("delivery", delivery);
        return d.awaitResponse(d.request("review/start", p));
    }

    /** Notifications of one turn, from turn/started to turn/completed (waits for the latter). */
    static List<JsonNode> turnNotifications(Daemon d, String turnId) throws Exception {
        d.await(n -> "turn/completed".equals(n.path("method").asText())
                && turnId.equals(n.path("params").path("turn").path("id").asText()), Daemon.TIMEOUT);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : d.received()) {
            if (!n.has("method") || n.has("id")) continue;
            JsonNode p = n.path("params");
            if (turnId.equals(p.path("turnId").asText()) || turnId.equals(p.path("turn").path("id").asText())) out.add(n);
        }
        return out;
    }

    static List<JsonNode> items(List<JsonNode> notes, String method, String type) {
        return notes.stream().filter(n -> method.equals(n.path("method").asText())
                && type.equals(n.path("params").path("item").path("type").asText())).toList();
    }

    static String inputText(JsonNode requestBody) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode item : requestBody.path("input")) {
            for (JsonNode c : item.path("content")) sb.append(c.path("text").asText()).append('\n');
            if (item.has("output")) sb.append(item.path("output").asText()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void inlineReviewOfUncommittedChanges() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("Hi, I am ready.", 1).completed();
            mock.next().reasoning("Reading the diff.").message(REVIEW, 5).completed();
            mock.next().message("Fixed it.", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                GitRepo repo = new GitRepo(d.work().resolve("repo"));
                repo.write("a.txt", "one\ntwo\n").commitAll("base");
                repo.write("a.txt", "one\nTWO\n").write("notes/new.md", "untracked note\n");
                String threadId = startThread(d, repo.dir);
                String first = d.startTurn(threadId, "hello before the review");
                turnNotifications(d, first);

                JsonNode resp = review(d, threadId, Map.of("type", "uncommittedChanges"), null);
                JsonNode result = resp.path("result");
                assertEquals(threadId, result.path("reviewThreadId").asText(), resp.toString());
                assertEquals("inProgress", result.path("turn").path("status").asText());
                String turnId = result.path("turn").path("id").asText();
                List<JsonNode> notes = turnNotifications(d, turnId);

                List<JsonNode> entered = items(notes, "item/completed", "enteredReviewMode");
                assertEquals(1, entered.size());
                assertEquals(1, items(notes, "item/started", "enteredReviewMode").size());
                assertEquals("current changes", entered.getFirst().path("params").path("item").path("review").asText());
                List<JsonNode> exited = items(notes, "item/completed", "exitedReviewMode");
                assertEquals(1, exited.size());
                JsonNode exitedItem = exited.getFirst().path("params").path("item");
                assertEquals(REVIEW, exitedItem.path("review").asText(), "the full review text");
                assertTrue(exitedItem.has("id") && exitedItem.path("completedAtMs").isNumber());
                // As Codex: the request as a user message (without the diff), the review streamed to no one,
                // then exitedReviewMode and the review once more as the turn's agent message.
                List<JsonNode> users = items(notes, "item/completed", "userMessage");
                assertEquals(1, users.size());
                String ask = users.getFirst().path("params").path("item").path("content").get(0).path("text").asText();
                assertTrue(ask.startsWith("Review the uncommitted changes"), ask);
                assertFalse(ask.contains("+TWO"));
                assertTrue(notes.stream().noneMatch(n -> n.path("method").asText().equals("item/agentMessage/delta")));
                List<JsonNode> agent = items(notes, "item/completed", "agentMessage");
                assertEquals(1, agent.size());
                assertEquals(REVIEW, agent.getFirst().path("params").path("item").path("text").asText());
                assertEquals(1, items(notes, "item/completed", "reasoning").size(), "reasoning is still shown");
                List<String> order = notes.stream().map(n -> n.path("method").asText() + ":"
                        + n.path("params").path("item").path("type").asText("")).toList();
                assertEquals("turn/started:", order.getFirst());
                assertEquals("item/started:enteredReviewMode", order.get(1));
                assertEquals("turn/completed:", order.getLast());
                assertEquals("item/completed:exitedReviewMode", order.get(order.indexOf("item/started:exitedReviewMode") + 1));
                assertTrue(order.indexOf("item/completed:exitedReviewMode") < order.indexOf("item/started:agentMessage"));
                JsonNode completed = notes.getLast().path("params").path("turn");
                assertEquals("completed", completed.path("status").asText());
                assertEquals(REVIEW, completed.path("items").get(0).path("text").asText(), "the turn's summary item");

                JsonNode reviewRequest = mock.requests().get(1);
                String reviewInput = inputText(reviewRequest);
                assertTrue(reviewRequest.path("instructions").asText().contains("reviewing a code change"));
                assertTrue(reviewInput.contains("+TWO") && reviewInput.contains("+untracked note"), reviewInput);
                assertFalse(reviewInput.contains("hello before the review"), "the reviewer has its own conversation");
                for (JsonNode tool : reviewRequest.path("tools")) {
                    assertTrue(List.of("exec_command", "write_stdin").contains(tool.path("name").asText()),
                            "reviewer tools are read-only: " + tool);
                }

                // The next turn sees the review (and not the diff).
                String next = d.startTurn(threadId, "fix the first finding");
                turnNotifications(d, next);
                String followUp = inputText(mock.requests().get(2));
                assertTrue(followUp.contains("hello before the review"));
                assertTrue(followUp.contains("code review of current changes"), followUp);
                assertTrue(followUp.contains("Second line is shouted"), followUp);
                assertFalse(followUp.contains("+untracked note"), followUp);
                assertTrue(d.badLines().isEmpty());
            }
        }
    }

    @Test
    void detachedBaseBranchAndCommitTargets() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("branch review: looks fine\nVerdict: correct", 2).completed();
            mock.next().message("commit review\nVerdict: correct", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                GitRepo repo = new GitRepo(d.work().resolve("repo"));
                repo.write("f.txt", "base\n").commitAll("base");
                repo.git("checkout", "-q", "-b", "feature");
                String featureSha = repo.write("f.txt", "base\nfeature work\n").commitAll("Add feature work");
                repo.git("checkout", "-q", "main");
                repo.write("other.txt", "only on main\n").commitAll("main moves on");
                repo.git("checkout", "-q", "feature");
                String threadId = startThread(d, repo.dir);

                JsonNode resp = review(d, threadId, Map.of("type", "baseBranch", "branch", "main"), "detached");
                String reviewThread = resp.path("result").path("reviewThreadId").asText();
                assertFalse(reviewThread.isEmpty(), resp.toString());
                assertNotEquals(threadId, reviewThread);
                String turnId = resp.path("result").path("turn").path("id").asText();
                JsonNode started = d.await(n -> "thread/started".equals(n.path("method").asText())
                        && reviewThread.equals(n.path("params").path("thread").path("id").asText()), Daemon.TIMEOUT);
                assertEquals(repo.dir.toString(), started.path("params").path("thread").path("cwd").asText());
                List<JsonNode> notes = turnNotifications(d, turnId);
                for (JsonNode n : notes) {
                    if (n.path("params").has("threadId")) assertEquals(reviewThread, n.path("params").path("threadId").asText());
                }
                assertEquals("changes against 'main'", items(notes, "item/completed", "enteredReviewMode").getFirst()
                        .path("params").path("item").path("review").asText());
                assertTrue(items(notes, "item/completed", "exitedReviewMode").getFirst().path("params").path("item")
                        .path("review").asText().startsWith("branch review"));
                String branchInput = inputText(mock.requests().get(0));
                assertTrue(branchInput.contains("+feature work"), branchInput);
                assertFalse(branchInput.contains("only on main"), branchInput);
                // the parent thread took no part
                assertTrue(d.received().stream().noneMatch(n -> "turn/started".equals(n.path("method").asText())
                        && threadId.equals(n.path("params").path("threadId").asText())));

                JsonNode commit = review(d, threadId, Map.of("type", "commit", "sha", featureSha, "title", "Feature"), "inline");
                assertEquals(threadId, commit.path("result").path("reviewThreadId").asText(), commit.toString());
                List<JsonNode> cnotes = turnNotifications(d, commit.path("result").path("turn").path("id").asText());
                assertEquals("commit " + featureSha.substring(0, 10) + ": Feature",
                        items(cnotes, "item/completed", "enteredReviewMode").getFirst().path("params").path("item")
                                .path("review").asText());
                String commitInput = inputText(mock.requests().get(1));
                assertTrue(commitInput.contains("Add feature work") && commitInput.contains("+feature work"), commitInput);

                JsonNode bad = review(d, threadId, Map.of("type", "baseBranch", "branch", "no-such-branch"), null);
                assertEquals(-32600, bad.path("error").path("code").asInt(), bad.toString());
                assertTrue(bad.path("error").path("message").asText().contains("unknown branch 'no-such-branch'"));
                JsonNode badSha = review(d, threadId, Map.of("type", "commit", "sha", "0123456789abcdef"), null);
                assertTrue(badSha.path("error").path("message").asText().contains("unknown commit"), badSha.toString());
                JsonNode noBranch = review(d, threadId, Map.of("type", "baseBranch"), null);
                assertEquals(-32602, noBranch.path("error").path("code").asInt(), noBranch.toString());
                assertEquals(2, mock.requests().size(), "failed starts never reach the model");
            }
        }
    }

    @Test
    void customOutsideARepoNoCommitsBinaryAndTwoMegabytes() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("custom review done", 1).completed();
            mock.next().message("fresh repo review", 1).completed();
            mock.next().message("big review", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                Path plain = Files.createDirectories(d.work().resolve("plain"));
                String plainThread = startThread(d, plain);
                JsonNode outside = review(d, plainThread, Map.of("type", "uncommittedChanges"), null);
                assertEquals(-32600, outside.path("error").path("code").asInt(), outside.toString());
                assertTrue(outside.path("error").path("message").asText().contains("not inside a git repository"));
                JsonNode custom = review(d, plainThread, Map.of("type", "custom",
                        "instructions", "Check the error handling in main.py"), null);
                List<JsonNode> cn = turnNotifications(d, custom.path("result").path("turn").path("id").asText());
                assertEquals("Check the error handling in main.py", items(cn, "item/completed", "enteredReviewMode")
                        .getFirst().path("params").path("item").path("review").asText());
                assertTrue(inputText(mock.requests().get(0)).contains("Check the error handling in main.py"));

                // A repository with no commits, with a binary file among the changes.
                GitRepo fresh = new GitRepo(d.work().resolve("fresh"));
                fresh.write("src/app.py", "print('hi')\n").git("add", "src/app.py");
                byte[] bin = new byte[2048];
                for (int i = 0; i < bin.length; i++) bin[i] = (byte) (i % 251);
                fresh.writeBytes("assets/icon.bin", bin);
                String freshThread = startThread(d, fresh.dir);
                JsonNode fr = review(d, freshThread, Map.of("type", "uncommittedChanges"), null);
                turnNotifications(d, fr.path("result").path("turn").path("id").asText());
                String freshInput = inputText(mock.requests().get(1));
                assertTrue(freshInput.contains("no commits yet") && freshInput.contains("+print('hi')"), freshInput);
                assertTrue(freshInput.contains("assets/icon.bin  (binary)"), freshInput);
                assertTrue(freshInput.length() < 20_000, "binary bytes are not sent");

                // A 2 MB diff: fitted to the budget, the cut stated, the small change kept whole.
                GitRepo big = new GitRepo(d.work().resolve("big"));
                big.write("small.txt", "a\n").write("huge.txt", "x\n").commitAll("base");
                StringBuilder sb = new StringBuilder();
                for (int i = 0; sb.length() < 2 * 1024 * 1024; i++) sb.append("generated row ").append(i).append('\n');
                big.write("huge.txt", sb.toString()).write("small.txt", "a\nthe important fix\n");
                String bigThread = startThread(d, big.dir);
                JsonNode br = review(d, bigThread, Map.of("type", "uncommittedChanges"), null);
                List<JsonNode> bn = turnNotifications(d, br.path("result").path("turn").path("id").asText());
                assertEquals("completed", bn.getLast().path("params").path("turn").path("status").asText());
                String bigInput = inputText(mock.requests().get(2));
                assertTrue(bigInput.length() < 230_000, "fitted to the default budget: " + bigInput.length());
                assertTrue(bigInput.contains("+the important fix"));
                assertTrue(bigInput.contains("so it was cut"), "the cut is stated to the model");
                assertTrue(bigInput.contains("[diff of huge.txt cut here for length"));
                assertTrue(d.badLines().isEmpty());
            }
        }
    }

    @Test
    void reviewTurnsRefuseSteeringAndAlwaysExitReviewMode() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().stall(30_000).message("never sent", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                JsonNode resp = review(d, threadId, Map.of("type", "custom", "instructions", "look for races"), null);
                String turnId = resp.path("result").path("turn").path("id").asText();
                d.await(n -> "item/completed".equals(n.path("method").asText())
                        && "enteredReviewMode".equals(n.path("params").path("item").path("type").asText()), Daemon.TIMEOUT);
                JsonNode steer = d.awaitResponse(d.request("turn/steer", Map.of("threadId", threadId,
                        "expectedTurnId", turnId, "input", List.of(Map.of("type", "text", "text", "also check X")))));
                assertEquals(-32600, steer.path("error").path("code").asInt(), steer.toString());
                assertTrue(steer.path("error").path("message").asText().contains("review"), steer.toString());
                assertEquals("review", steer.path("error").path("data").path("codexErrorInfo")
                        .path("activeTurnNotSteerable").path("turnKind").asText(), steer.toString());
                JsonNode second = review(d, threadId, Map.of("type", "custom", "instructions", "again"), null);
                assertEquals(-32600, second.path("error").path("code").asInt(), "one turn at a time: " + second);

                d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                List<JsonNode> notes = turnNotifications(d, turnId);
                assertEquals("interrupted", notes.getLast().path("params").path("turn").path("status").asText());
                List<JsonNode> exited = items(notes, "item/completed", "exitedReviewMode");
                assertEquals(1, exited.size(), "the client leaves review mode on an interrupt too");
                assertTrue(exited.getFirst().path("params").path("item").path("review").asText().contains("interrupted"));
                // every item that started completed
                long startedCount = notes.stream().filter(n -> n.path("method").asText().equals("item/started")).count();
                long completedCount = notes.stream().filter(n -> n.path("method").asText().equals("item/completed")).count();
                assertEquals(startedCount, completedCount);
            }
        }
    }
}
