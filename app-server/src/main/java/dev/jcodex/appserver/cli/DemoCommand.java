package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcodex demo}: spawn the daemon, connect the built-in client, run a turn, show the traffic. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the daemon with the offline model, run one turn through it and print the JSON-RPC traffic.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--prompt", defaultValue = "Please run `echo hello from jcodex > hello.txt && cat hello.txt`.", description = "What to ask the model.")
    String prompt;

    @Option(names = "--raw", description = "Print the raw JSON lines instead of the readable form.")
    boolean raw;

    @Override
    public Integer call() throws Exception {
        return new Demo(prompt, raw).run();
    }
}
