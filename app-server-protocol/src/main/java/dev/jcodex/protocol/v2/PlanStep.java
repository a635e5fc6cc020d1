package dev.jcodex.protocol.v2;

/** status: "pending", "inProgress", "completed". */
public record PlanStep(String step, String status) {}
