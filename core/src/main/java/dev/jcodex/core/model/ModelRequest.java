package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One sampling request: the whole history (store:false, nothing kept server-side), the tools, and the
 * knobs. {@code outputSchema} applies to this turn only.
 */
public record ModelRequest(String model, String instructions, List<ObjectNode> input, List<ObjectNode> tools,
                           String reasoningEffort, String reasoningSummary, Object outputSchema,
                           String promptCacheKey, String threadId, String turnId, String originator) {}
