package dev.jcodex.appserver.cli;

import dev.jcodex.schema.ProtocolSchema;
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
        return ProtocolFileOutput.write(spec, out, ProtocolSchema.FILE, ProtocolSchema::generate);
    }
}
