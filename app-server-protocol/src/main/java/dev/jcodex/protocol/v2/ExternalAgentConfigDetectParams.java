package dev.jcodex.protocol.v2;

import java.util.List;

/** externalAgentConfig/detect. */
public record ExternalAgentConfigDetectParams(List<String> cwds, Boolean includeHome, Integer maxSessionAgeDays, Integer maxSessions, String migrationSource, String source) {}
