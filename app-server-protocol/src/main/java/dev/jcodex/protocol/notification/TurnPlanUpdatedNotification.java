package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.PlanStep;
import java.util.List;
public record TurnPlanUpdatedNotification(String threadId, String turnId, String explanation, List<PlanStep> plan) implements ServerNotification {}
