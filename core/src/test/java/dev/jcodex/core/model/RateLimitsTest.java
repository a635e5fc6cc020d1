package dev.jcodex.core.model;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate-limit headers read the way Codex reads them (x-codex-* families, credits, windows that say something). */
class RateLimitsTest {
    private static HttpHeaders headers(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], List.of(kv[i + 1]));
        return HttpHeaders.of(m, (a, b) -> true);
    }

    @Test
    void noHeadersStillReportTheDefaultFamilyWithNullWindows() {
        List<RateLimits> r = RateLimits.fromHeaders(headers("content-type", "text/event-stream"));
        assertEquals(List.of(new RateLimits("codex", null, null, null, null)), r);
    }

    @Test
    void windowsCreditsAndOtherFamilies() {
        List<RateLimits> r = RateLimits.fromHeaders(headers(
                "X-Codex-Primary-Used-Percent", "42.5", "x-codex-primary-window-minutes", "300",
                "x-codex-primary-reset-at", "1900000000",
                "x-codex-secondary-used-percent", "0", "x-codex-secondary-window-minutes", "0",
                "x-codex-credits-has-credits", "1", "x-codex-credits-unlimited", "false", "x-codex-credits-balance", "  ",
                "x-codex-bengal-fox-primary-used-percent", "80", "x-codex-bengal-fox-limit-name", " gpt-fast "));
        assertEquals(2, r.size(), r.toString());
        RateLimits codex = r.get(0);
        assertEquals(new RateLimits.Window(42.5, 300L, 1900000000L), codex.primary());
        assertNull(codex.secondary(), "0% over a 0-minute window with no reset says nothing");
        assertEquals(new RateLimits.Credits(true, false, null), codex.credits());
        RateLimits fox = r.get(1);
        assertEquals("codex_bengal_fox", fox.limitId());
        assertEquals("gpt-fast", fox.limitName());
        assertEquals(80.0, fox.primary().usedPercent());
    }

    @Test
    void unparsableValuesAreIgnored() {
        List<RateLimits> all = RateLimits.fromHeaders(headers("x-codex-primary-used-percent", "NaN",
                "x-codex-secondary-used-percent", "12", "x-codex-secondary-reset-at", "soon",
                "x-codex-credits-has-credits", "maybe", "x-codex-credits-unlimited", "true",
                "x-other-primary-used-percent", "0"));
        assertEquals(1, all.size(), "a family whose windows say nothing is left out");
        RateLimits r = all.getFirst();
        assertNull(r.primary());
        assertEquals(new RateLimits.Window(12.0, null, null), r.secondary());
        assertNull(r.credits());
    }
}
