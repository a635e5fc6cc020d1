package dev.jcodex.appserver.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code --ws-auth capability-token}: the bearer token must be one fixed secret. Only its SHA-256 is kept, and
 * digests are compared in constant time.
 */
public final class CapabilityToken implements WsAuth {
    private final byte[] expectedSha256;

    private CapabilityToken(byte[] expectedSha256) { this.expectedSha256 = expectedSha256; }

    /** The token is the file's text with surrounding whitespace removed. */
    public static CapabilityToken fromFile(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) throw new IllegalArgumentException("capability token file " + file + " is empty");
        return new CapabilityToken(sha256(token));
    }

    /** 64 hex digits, either case, no prefix. */
    public static CapabilityToken fromSha256Hex(String hex) {
        String h = hex.strip();
        if (!h.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("--ws-token-sha256 must be the SHA-256 of the token as 64 hex digits");
        }
        return new CapabilityToken(HexFormat.of().parseHex(h.toLowerCase()));
    }

    @Override
    public boolean required() { return true; }

    @Override
    public Optional<AuthRefusal> check(String authorizationHeader) {
        return switch (WsAuth.Bearer.of(authorizationHeader)) {
            case WsAuth.Bearer.Refused r -> Optional.of(r.why());
            case WsAuth.Bearer.Token t -> MessageDigest.isEqual(expectedSha256, sha256(t.value()))
                    ? Optional.empty() : Optional.of(AuthRefusal.WRONG_TOKEN);
        };
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
