package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** marketplace/add. */
public record MarketplaceAddParams(@JsonProperty(required = true) String source, String refName, List<String> sparsePaths) {}
