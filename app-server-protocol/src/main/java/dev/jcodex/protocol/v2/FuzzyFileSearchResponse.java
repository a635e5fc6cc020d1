package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Field names inside a result are snake_case on the wire, as Codex sends them. */
public record FuzzyFileSearchResponse(List<Match> files) {
    public record Match(String root, String path, @JsonProperty("match_type") String matchType,
                        @JsonProperty("file_name") String fileName, int score, List<Integer> indices) {}
}
