package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * thread/fork: a new thread with a copy of the source's history, with these overrides when given.
 * {@code lastTurnId}: fork through that turn only (inclusive); later turns are left out. {@code excludeTurns}:
 * answer with no turns (page them with thread/turns/list).
 */
public record ThreadForkParams(@JsonProperty(required = true) String threadId, String model, String modelProvider,
                               String cwd, AskForApproval approvalPolicy, SandboxMode sandbox,
                               Map<String, Object> config, String baseInstructions, String developerInstructions,
                               Boolean ephemeral, String lastTurnId, Boolean excludeTurns) {}
