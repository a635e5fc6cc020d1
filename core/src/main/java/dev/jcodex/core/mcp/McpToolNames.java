package dev.jcodex.core.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Model-facing names of MCP tools: {@code mcp__<server>__<tool>}, every character outside
 * {@code [A-Za-z0-9_-]} replaced by {@code _} (the Responses API's rule for function names), and a name
 * over 64 characters cut and ended with part of the SHA-1 of the full name, so it stays unique and stable.
 */
public final class McpToolNames {
    public static final String PREFIX = "mcp__";
    public static final String DELIMITER = "__";
    public static final int MAX_LENGTH = 64;
    private static final int HASH_CHARS = 16;

    private McpToolNames() {}

    public static String qualify(String server, String tool) {
        String full = sanitize(PREFIX + server + DELIMITER + tool);
        if (full.length() <= MAX_LENGTH) return full;
        String hash = sha1(PREFIX + server + DELIMITER + tool).substring(0, HASH_CHARS);
        return full.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "_" + hash;
    }

    public static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
