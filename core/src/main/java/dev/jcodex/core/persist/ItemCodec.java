package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.util.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Items as rollout lines carry them. User and agent messages and reasoning use the shape Codex writes, so
 * either program reads the other's rollouts; the other item kinds keep jcodex's own record under
 * {@code jcodex} (Codex ignores what it does not know, and so do we).
 */
final class ItemCodec {
    private ItemCodec() {}

    static ObjectNode encode(Item item) {
        ObjectNode o = Json.object();
        switch (item) {
            case Item.UserMessage u -> {
                o.put("type", "UserMessage").put("id", u.id());
                ArrayNode content = o.putArray("content");
                for (InputPart p : u.content()) content.add(encodePart(p));
            }
            case Item.AgentMessage m -> {
                o.put("type", "AgentMessage").put("id", m.id());
                o.putArray("content").addObject().put("type", "Text").put("text", m.text());
                if (m.phase() != null) o.put("phase", m.phase());
            }
            case Item.Reasoning r -> {
                o.put("type", "Reasoning").put("id", r.id());
                ArrayNode s = o.putArray("summary_text");
                r.summary().forEach(s::add);
                ArrayNode c = o.putArray("raw_content");
                r.content().forEach(c::add);
            }
            default -> {
                o.put("type", item.getClass().getSimpleName()).put("id", item.id());
                o.set("jcodex", Json.MAPPER.valueToTree(item));
            }
        }
        return o;
    }

    /** The item of an {@code item_completed} payload, or null for kinds this version does not know. */
    static Item decode(JsonNode item, long startedAtMs, Long completedAtMs) {
        String id = item.path("id").asText("");
        String type = item.path("type").asText("");
        switch (type) {
            case "UserMessage" -> {
                List<InputPart> parts = new ArrayList<>();
                for (JsonNode p : item.path("content")) {
                    InputPart part = decodePart(p);
                    if (part != null) parts.add(part);
                }
                return new Item.UserMessage(id, parts, startedAtMs, completedAtMs);
            }
            case "AgentMessage" -> {
                StringBuilder text = new StringBuilder();
                for (JsonNode c : item.path("content")) text.append(c.path("text").asText(""));
                return new Item.AgentMessage(id, text.toString(), phase(item), startedAtMs, completedAtMs);
            }
            case "Reasoning" -> {
                return new Item.Reasoning(id, strings(item.path("summary_text")), strings(item.path("raw_content")),
                        startedAtMs, completedAtMs);
            }
            default -> {
                if (!item.has("jcodex")) return null;
                for (Class<?> k : Item.class.getPermittedSubclasses()) {
                    if (k.getSimpleName().equals(type)) {
                        try {
                            return (Item) Json.MAPPER.treeToValue(item.get("jcodex"), k);
                        } catch (Exception e) {
                            return null;
                        }
                    }
                }
                return null;
            }
        }
    }

    static ObjectNode encodePart(InputPart p) {
        ObjectNode o = Json.object();
        switch (p) {
            case InputPart.Text t -> { o.put("type", "text").put("text", t.text()); o.putArray("text_elements"); }
            case InputPart.ImageUrl i -> o.put("type", "image").put("image_url", i.url());
            case InputPart.LocalImage l -> o.put("type", "local_image").put("path", l.path());
            case InputPart.Skill s -> o.put("type", "skill").put("name", s.name()).put("path", s.path());
            case InputPart.Mention m -> o.put("type", "mention").put("name", m.name()).put("path", m.path());
        }
        return o;
    }

    static InputPart decodePart(JsonNode p) {
        return switch (p.path("type").asText("")) {
            case "text" -> new InputPart.Text(p.path("text").asText(""));
            case "image" -> new InputPart.ImageUrl(p.path("image_url").asText(p.path("url").asText("")));
            case "local_image", "localImage" -> new InputPart.LocalImage(p.path("path").asText(""));
            case "skill" -> new InputPart.Skill(p.path("name").asText(""), p.path("path").asText(""));
            case "mention" -> new InputPart.Mention(p.path("name").asText(""), p.path("path").asText(""));
            default -> null;
        };
    }

    /** An agent message's phase as Codex writes it (absent when the model gave none). */
    private static String phase(JsonNode item) {
        JsonNode p = item.get("phase");
        return p != null && p.isTextual() ? p.asText() : null;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : arr) out.add(n.isTextual() ? n.asText() : n.path("text").asText(""));
        return out;
    }
}
