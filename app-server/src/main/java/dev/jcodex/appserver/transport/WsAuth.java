package dev.jcodex.appserver.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Capability-token authentication of the socket handshake: the client sends {@code Authorization: Bearer
 * <token>}; we keep only the token's SHA-256 and compare digests in constant time.
 */
public final class WsAuth {
    private final byte[] expectedSha256;

    private WsAuth(byte[] expectedSha256) { this.expectedSha256 = expectedSha256; }

    /** No authentication (allowed only on loopback and unix sockets). */
    public static WsAuth none() { return new WsAuth(null); }

    public static WsAuth tokenFile(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) throw new IOException("token file " + file + " is empty");
        return new WsAuth(sha256(token));
    }

    public static WsAuth tokenSha256(String hex) {
        byte[] d = HexFormat.of().parseHex(hex.strip().toLowerCase());
        if (d.length != 32) throw new IllegalArgumentException("--ws-token-sha256 must be 64 hex digits");
        return new WsAuth(d);
    }

    public boolean required() { return expectedSha256 != null; }

    /** Whether an {@code Authorization} header value carries the token. */
    public boolean accepts(String authorization) {
        if (expectedSha256 == null) return true;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(expectedSha256, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
