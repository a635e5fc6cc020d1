package dev.jcodex.core.model;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A provider's rate limits as its response headers state them, read the way Codex reads them: the
 * {@code x-codex-primary-*} / {@code x-codex-secondary-*} windows (used percent, window minutes, reset time),
 * the {@code x-codex-credits-*} balance, and the same families under other prefixes
 * ({@code x-<limit>-primary-used-percent}). The default "codex" family is always reported, with null windows
 * when the provider sent nothing, so a client learns there is nothing to show.
 */
public record RateLimits(String limitId, String limitName, Window primary, Window secondary, Credits credits) {
    public static final String DEFAULT_LIMIT = "codex";

    public record Window(double usedPercent, Long windowMinutes, Long resetsAt) {}

    public record Credits(boolean hasCredits, boolean unlimited, String balance) {}

    /** The default family first, then every other family that carries data, by limit id. */
    public static List<RateLimits> fromHeaders(HttpHeaders h) {
        List<RateLimits> out = new ArrayList<>();
        out.add(family(h, DEFAULT_LIMIT));
        TreeSet<String> others = new TreeSet<>();
        for (String name : h.map().keySet()) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (n.startsWith("x-") && n.endsWith("-primary-used-percent")) {
                String id = limitId(n.substring(2, n.length() - "-primary-used-percent".length()));
                if (!id.equals(DEFAULT_LIMIT)) others.add(id);
            }
        }
        for (String id : others) {
            RateLimits r = family(h, id);
            if (r.primary != null || r.secondary != null || r.credits != null) out.add(r);
        }
        return out;
    }

    private static RateLimits family(HttpHeaders h, String limitId) {
        String prefix = "x-" + limitId.replace('_', '-');
        String name = str(h, prefix + "-limit-name").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        return new RateLimits(limitId, name, window(h, prefix + "-primary"), window(h, prefix + "-secondary"),
                credits(h));
    }

    /** A window only when it says something: a non-zero percent or window, or a reset time. */
    private static Window window(HttpHeaders h, String prefix) {
        Double used = str(h, prefix + "-used-percent").map(RateLimits::dbl).orElse(null);
        if (used == null) return null;
        Long minutes = str(h, prefix + "-window-minutes").map(RateLimits::lng).orElse(null);
        Long reset = str(h, prefix + "-reset-at").map(RateLimits::lng).orElse(null);
        boolean data = used != 0 || (minutes != null && minutes != 0) || reset != null;
        return data ? new Window(used, minutes, reset) : null;
    }

    private static Credits credits(HttpHeaders h) {
        Boolean has = str(h, "x-codex-credits-has-credits").map(RateLimits::bool).orElse(null);
        Boolean unlimited = str(h, "x-codex-credits-unlimited").map(RateLimits::bool).orElse(null);
        if (has == null || unlimited == null) return null;
        String balance = str(h, "x-codex-credits-balance").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        return new Credits(has, unlimited, balance);
    }

    private static String limitId(String raw) { return raw.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_'); }

    private static Optional<String> str(HttpHeaders h, String name) { return h.firstValue(name); }

    private static Double dbl(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long lng(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String s) {
        String v = s.strip();
        if (v.equalsIgnoreCase("true") || v.equals("1")) return true;
        if (v.equalsIgnoreCase("false") || v.equals("0")) return false;
        return null;
    }
}
