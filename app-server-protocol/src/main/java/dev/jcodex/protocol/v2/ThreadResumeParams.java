package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** thread/resume: the saved thread's settings, with these overrides when given. */
public record ThreadResumeParams(@JsonProperty(required = true) String threadId, String model, String modelProvider,
                                 String cwd, AskForApproval approvalPolicy, SandboxMode sandbox,
                                 Map<String, Object> config, String baseInstructions, String developerInstructions,
                                 Boolean excludeTurns) {}
