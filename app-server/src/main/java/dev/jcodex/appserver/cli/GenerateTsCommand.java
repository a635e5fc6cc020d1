package dev.jcodex.appserver.cli;

import dev.jcodex.schema.ProtocolTypeScript;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcodex app-server generate-ts --out DIR}: the protocol's TypeScript types, the same file as the
 * committed {@code vscode-extension/src/protocol/index.ts} (bundled at build time: see ProtocolTypeScript).
 */
@Command(name = "generate-ts", mixinStandardHelpOptions = true,
        description = "Write the TypeScript types of the app-server protocol (" + ProtocolTypeScript.FILE + ") to DIR.")
final class GenerateTsCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ProtocolFileOutput.write(spec, out, ProtocolTypeScript.FILE, ProtocolTypeScript::bundled);
    }
}
