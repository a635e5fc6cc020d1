package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

public record SkillsListResponse(List<Entry> data) {
    public record Entry(String cwd, List<Skill> skills, List<Error> errors) {}

    /**
     * {@code scope}: "user" (CODEX_HOME/skills), "repo" (.codex/skills from the cwd up to the repo root),
     * "system". {@code interface} (display name, icons, ...) is present only when the skill declares one.
     */
    public record Skill(String name, String description,
                        @JsonProperty("interface") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> ui,
                        String path, String scope, boolean enabled, String pluginId) {}

    public record Error(String path, String message) {}
}
