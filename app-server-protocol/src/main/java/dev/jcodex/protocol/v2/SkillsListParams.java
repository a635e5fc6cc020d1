package dev.jcodex.protocol.v2;

import java.util.List;

public record SkillsListParams(List<String> cwds, Boolean forceReload) {}
