package dev.jcodex.core.thread;

/** A thread's current defaults; turn/start overrides replace them for that turn and later ones. */
public record ThreadSettings(String model, String modelProvider, String cwd, String approvalPolicy,
                             SandboxSettings sandbox, String reasoningEffort, String reasoningSummary,
                             String baseInstructions, String developerInstructions) {

    public ThreadSettings with(String model, String cwd, String approvalPolicy, SandboxSettings sandbox,
                               String effort, String summary) {
        return new ThreadSettings(model != null ? model : this.model, modelProvider,
                cwd != null ? cwd : this.cwd, approvalPolicy != null ? approvalPolicy : this.approvalPolicy,
                sandbox != null ? sandbox : this.sandbox, effort != null ? effort : this.reasoningEffort,
                summary != null ? summary : this.reasoningSummary, baseInstructions, developerInstructions);
    }
}
