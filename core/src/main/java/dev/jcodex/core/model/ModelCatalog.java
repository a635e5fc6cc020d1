package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What model/list shows: the provider's own {@code GET {base_url}/models} when it answers (ollama, LM Studio,
 * vLLM and most OpenAI-compatible servers do), else the bundled catalog. The configured model is always
 * listed, so a picker can show what is in use.
 */
public final class ModelCatalog {
    /** One model with the metadata the engine and the picker need. */
    public record Entry(String slug, String displayName, String description, boolean hidden,
                        List<String> efforts, String defaultEffort, Long contextWindow, String upgrade) {}

    private static final JsonNode BUNDLED = loadBundled();

    private ModelCatalog() {}

    private static JsonNode loadBundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("models.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Entry> bundled() {
        List<Entry> out = new ArrayList<>();
        for (JsonNode m : BUNDLED.path("models")) {
            List<String> efforts = new ArrayList<>();
            m.path("efforts").forEach(e -> efforts.add(e.asText()));
            out.add(new Entry(m.path("slug").asText(), m.path("displayName").asText(), m.path("description").asText(),
                    m.path("hidden").asBoolean(false), efforts, m.path("defaultReasoningEffort").asText("medium"),
                    m.has("contextWindow") ? m.get("contextWindow").asLong() : null, m.path("upgrade").asText(null)));
        }
        return out;
    }

    /** The description of a reasoning effort level. */
    public static String effortDescription(String effort) {
        return BUNDLED.path("efforts").path(effort).asText(effort);
    }

    /** Bundled metadata for {@code slug}, or null for a model the catalog does not know. */
    public static Entry find(String slug) {
        if (slug == null) return null;
        for (Entry e : bundled()) if (e.slug().equals(slug)) return e;
        return null;
    }

    /** The models to offer for {@code provider}, with {@code configuredModel} among them. */
    public static List<Entry> forProvider(ModelProviderInfo provider, String configuredModel) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (Config.OFFLINE_PROVIDER.equals(provider.wireApi())) {
            out.put("offline", new Entry("offline", "jcodex offline model",
                    "Scripted model that runs without network or key.", false, List.of("low"), "low", 128_000L, null));
        } else {
            for (Entry e : fetch(provider)) out.put(e.slug(), e);
            if (out.isEmpty()) for (Entry e : bundled()) out.put(e.slug(), e);
        }
        if (configuredModel != null && !out.containsKey(configuredModel)) {
            Entry known = find(configuredModel);
            out.put(configuredModel, known != null ? known : new Entry(configuredModel, configuredModel,
                    "Configured model.", false, List.of("low", "medium", "high"), "medium", null, null));
        }
        return List.copyOf(out.values());
    }

    /** {@code GET {base_url}/models} (OpenAI list format); empty on any failure. */
    static List<Entry> fetch(ModelProviderInfo p) {
        if (p.baseUrl() == null) return List.of();
        String base = p.baseUrl().endsWith("/") ? p.baseUrl().substring(0, p.baseUrl().length() - 1) : p.baseUrl();
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + "/models")).timeout(Duration.ofSeconds(5)).GET();
            String key = p.apiKey();
            if (key != null) rb.header("authorization", "Bearer " + key);
            p.httpHeaders().forEach(rb::header);
            HttpResponse<String> r = HttpClients.forBaseUrl(base, Duration.ofSeconds(3), false)
                    .send(rb.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) return List.of();
            JsonNode data = Json.MAPPER.readTree(r.body()).path("data");
            List<Entry> out = new ArrayList<>();
            for (JsonNode m : data) {
                String id = m.path("id").asText(null);
                if (id == null) continue;
                Entry known = find(id);
                out.add(known != null ? known : new Entry(id, id, "Served by " + p.name() + ".", false,
                        List.of("low", "medium", "high"), "medium", null, null));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
