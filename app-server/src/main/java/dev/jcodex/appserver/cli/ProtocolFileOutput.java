package dev.jcodex.appserver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** What {@code generate-json-schema} and {@code generate-ts} share: write one generated file into {@code --out DIR}. */
final class ProtocolFileOutput {
    private ProtocolFileOutput() {}

    interface Content { String get() throws IOException; }

    static int write(CommandLine.Model.CommandSpec spec, Path out, String fileName, Content content) {
        try {
            Files.createDirectories(out);
            Path file = out.resolve(fileName);
            Files.writeString(file, content.get());
            spec.commandLine().getErr().println("wrote " + file);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("jcodex app-server " + spec.name() + ": cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
