package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Upgrading every marketplace when there are none: nothing selected, nothing upgraded. */
public record MarketplaceUpgradeResponse(@JsonProperty(required = true) List<Object> errors, @JsonProperty(required = true) List<String> selectedMarketplaces, @JsonProperty(required = true) List<String> upgradedRoots) {}
