package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** {@code view_image}: attaches a local image to the conversation (an {@code imageView} item). */
public final class ViewImageTool implements ToolHandler {
    static final long MAX_BYTES = 20L * 1024 * 1024;

    @Override public String name() { return "view_image"; }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", "function").put("name", name()).put("strict", false)
                .put("description", "Shows you a local image file (path relative to the working directory or absolute).");
        ObjectNode params = spec.putObject("parameters").put("type", "object");
        params.putObject("properties").putObject("path").put("type", "string");
        params.putArray("required").add("path");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) {
        String raw;
        try {
            JsonNode a = Json.MAPPER.readTree(call.input().isBlank() ? "{}" : call.input());
            if (!a.path("path").isTextual()) return new ToolOutput("failed to parse function arguments: missing field `path`", false);
            raw = a.get("path").asText();
        } catch (IOException e) {
            return new ToolOutput("failed to parse function arguments: " + e.getMessage(), false);
        }
        Path p = Path.of(ctx.settings().cwd()).resolve(raw).normalize();
        String url;
        try {
            if (!Files.isRegularFile(p)) return new ToolOutput("view_image failed: no such file: " + p, false);
            if (Files.size(p) > MAX_BYTES) return new ToolOutput("view_image failed: image is larger than 20 MiB: " + p, false);
            String mime = Files.probeContentType(p);
            if (mime == null) mime = guessMime(p);
            if (!mime.startsWith("image/")) return new ToolOutput("view_image failed: not an image (" + mime + "): " + p, false);
            url = "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        } catch (IOException e) {
            return new ToolOutput("view_image failed: " + e.getMessage(), false);
        }
        long now = System.currentTimeMillis();
        ctx.itemStarted(new Item.ImageView(call.callId(), p.toString(), now, null));
        ctx.itemCompleted(new Item.ImageView(call.callId(), p.toString(), now, System.currentTimeMillis()));
        ObjectNode image = Json.object().put("type", "input_image").put("image_url", url);
        return new ToolOutput("attached image " + p, true, List.of(image));
    }

    private static String guessMime(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "image/jpeg";
        if (n.endsWith(".gif")) return "image/gif";
        if (n.endsWith(".webp")) return "image/webp";
        return "application/octet-stream";
    }
}
