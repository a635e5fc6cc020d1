package dev.jcodex.appserver.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A throwaway git repository made by the real git binary, for review tests. */
final class GitRepo {
    final Path dir;

    GitRepo(Path dir) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        git("init", "-q", "-b", "main");
    }

    String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        return out.strip();
    }

    GitRepo write(String path, String text) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return this;
    }

    GitRepo writeBytes(String path, byte[] bytes) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
        return this;
    }

    String commitAll(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return git("rev-parse", "HEAD");
    }
}
