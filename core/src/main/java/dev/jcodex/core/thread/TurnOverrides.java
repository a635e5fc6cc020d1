package dev.jcodex.core.thread;

/** Optional per-turn overrides from turn/start; null means keep the thread's current value. */
public record TurnOverrides(String model, String cwd, String approvalPolicy, SandboxSettings sandbox, String effort,
                            String summary, Object outputSchema) {
    public static final TurnOverrides NONE = new TurnOverrides(null, null, null, null, null, null, null);
}
