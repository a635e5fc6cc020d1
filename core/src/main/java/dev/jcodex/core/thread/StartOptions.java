package dev.jcodex.core.thread;

import java.util.Map;

/**
 * thread/start inputs as the engine needs them; null means "from config". {@code reasoningEffort} is set only
 * when a saved thread is resumed with the effort it last ran with.
 */
public record StartOptions(String model, String modelProvider, String cwd, String approvalPolicy, String sandboxMode,
                           Map<String, Object> configOverrides, String baseInstructions,
                           String developerInstructions, boolean ephemeral, String originator, String source,
                           String reasoningEffort) {}
