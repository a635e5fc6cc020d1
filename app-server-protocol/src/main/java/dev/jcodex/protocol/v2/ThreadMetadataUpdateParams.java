package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * thread/metadata/update: patches the stored git info. Each of {@code gitInfo}'s keys {@code sha},
 * {@code branch}, {@code originUrl}: absent leaves it, null clears it, a non-empty string replaces it (kept
 * as a map so that absent and null differ).
 */
public record ThreadMetadataUpdateParams(@JsonProperty(required = true) String threadId, Map<String, Object> gitInfo) {}
