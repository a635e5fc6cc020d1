package dev.jcodex.appserver.events;

import dev.jcodex.core.model.RateLimits;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last rate limits each limit family reported in a model response's headers (for account/rateLimits/read). */
public final class ObservedRateLimits {
    private final Map<String, RateLimits> byLimitId = new LinkedHashMap<>();

    public synchronized void record(RateLimits r) { byLimitId.put(r.limitId(), r); }

    /** The default family's last report, or one with null windows when no response has arrived yet. */
    public synchronized RateLimits defaultFamily() {
        RateLimits r = byLimitId.get(RateLimits.DEFAULT_LIMIT);
        return r != null ? r : new RateLimits(RateLimits.DEFAULT_LIMIT, null, null, null, null);
    }

    public synchronized Map<String, RateLimits> all() { return Map.copyOf(byLimitId); }
}
