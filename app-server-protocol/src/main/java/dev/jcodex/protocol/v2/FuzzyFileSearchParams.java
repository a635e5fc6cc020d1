package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A later search with the same cancellationToken cancels an earlier one still running. */
public record FuzzyFileSearchParams(@JsonProperty(required = true) String query,
                                    @JsonProperty(required = true) List<String> roots, String cancellationToken) {}
