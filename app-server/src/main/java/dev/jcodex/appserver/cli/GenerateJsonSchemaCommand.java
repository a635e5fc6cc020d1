package dev.jcodex.appserver.cli;

import dev.jcodex.schema.ProtocolSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcodex app-server generate-json-schema --out DIR}: the protocol's JSON Schema, from the same
 * generator that writes the committed {@code schema/json} (so the two are byte-identical).
 */
@Command(name = "generate-json-schema", mixinStandardHelpOptions = true,
        description = "Write the JSON Schema of the app-server protocol (" + ProtocolSchema.FILE + ") to DIR.")
final class GenerateJsonSchemaCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(out);
            Path file = out.resolve(ProtocolSchema.FILE);
            Files.writeString(file, ProtocolSchema.generate());
            spec.commandLine().getErr().println("wrote " + file);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("jcodex app-server generate-json-schema: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
