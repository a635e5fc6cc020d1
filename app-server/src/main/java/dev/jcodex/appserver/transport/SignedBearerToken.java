package dev.jcodex.appserver.transport;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code --ws-auth signed-bearer-token}: the bearer token is a compact JWS (RFC 7515/7519) signed with HS256
 * and the shared secret. The MAC is checked (in constant time) before any of the token's JSON is parsed, so
 * an unauthenticated peer never reaches the parser. Then: {@code alg} must be HS256 and there must be no
 * {@code crit}; {@code exp} is required; {@code exp}/{@code nbf} are integer seconds and are checked with the
 * clock skew allowance; {@code iss}/{@code aud} are checked when configured. {@code iat} is not checked.
 * Written on the JDK's {@code Mac} and our Jackson rather than a JOSE library: see the README's design choices.
 */
public final class SignedBearerToken implements WsAuth {
    public static final int MIN_SECRET_BYTES = 32;
    public static final long DEFAULT_MAX_CLOCK_SKEW_SECONDS = 30;
    private static final String HMAC = "HmacSHA256";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SecretKeySpec key;
    private final String issuer;
    private final String audience;
    private final long maxClockSkewSeconds;
    private final LongSupplier nowEpochSeconds;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SignedBearerToken(byte[] secret, String issuer, String audience, long maxClockSkewSeconds, LongSupplier nowEpochSeconds) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the shared secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (maxClockSkewSeconds < 0) throw new IllegalArgumentException("--ws-max-clock-skew-seconds must not be negative");
        if ("".equals(issuer)) throw new IllegalArgumentException("--ws-issuer must not be empty");
        if ("".equals(audience)) throw new IllegalArgumentException("--ws-audience must not be empty");
        this.key = new SecretKeySpec(secret, HMAC);
        this.issuer = issuer;
        this.audience = audience;
        this.maxClockSkewSeconds = maxClockSkewSeconds;
        this.nowEpochSeconds = nowEpochSeconds;
    }

    /** {@code issuer}/{@code audience} null: not checked. */
    public static SignedBearerToken fromSecretFile(Path file, String issuer, String audience, long maxClockSkewSeconds)
            throws IOException {
        return new SignedBearerToken(readSecret(file), issuer, audience, maxClockSkewSeconds,
                () -> Math.floorDiv(System.currentTimeMillis(), 1000));
    }

    /** The file's text (strict UTF-8) without surrounding whitespace, as UTF-8 bytes; at least 32 of them. */
    static byte[] readSecret(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("shared secret file " + file + " is not UTF-8 text");
        }
        byte[] secret = text.strip().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("shared secret in " + file + " must be at least " + MIN_SECRET_BYTES
                    + " bytes (without surrounding whitespace), it has " + secret.length);
        }
        return secret;
    }

    @Override
    public boolean required() { return true; }

    @Override
    public Optional<AuthRefusal> check(String authorizationHeader) {
        return switch (WsAuth.Bearer.of(authorizationHeader)) {
            case WsAuth.Bearer.Refused r -> Optional.of(r.why());
            case WsAuth.Bearer.Token t -> Optional.ofNullable(verify(t.value()));
        };
    }

    /** Null when the token is acceptable now. */
    AuthRefusal verify(String jwt) {
        int d1 = jwt.indexOf('.');
        int d2 = d1 < 0 ? -1 : jwt.indexOf('.', d1 + 1);
        if (d2 < 0 || jwt.indexOf('.', d2 + 1) >= 0) return AuthRefusal.BAD_SIGNATURE;
        byte[] header = base64Url(jwt, 0, d1);
        byte[] payload = base64Url(jwt, d1 + 1, d2);
        byte[] signature = base64Url(jwt, d2 + 1, jwt.length());
        if (header == null || payload == null || signature == null) return AuthRefusal.BAD_SIGNATURE;
        if (!MessageDigest.isEqual(mac(jwt.substring(0, d2)), signature)) return AuthRefusal.BAD_SIGNATURE;

        JsonNode h = jsonObject(header);
        JsonNode c = jsonObject(payload);
        if (h == null || c == null || !"HS256".equals(h.path("alg").textValue()) || h.has("crit")) {
            return AuthRefusal.BAD_CLAIMS;
        }
        JsonNode exp = c.get("exp");
        JsonNode nbf = optional(c, "nbf");
        JsonNode iss = optional(c, "iss");
        JsonNode aud = optional(c, "aud");
        if (!isLong(exp) || (nbf != null && !isLong(nbf)) || (iss != null && !iss.isTextual()) || !audienceShape(aud)) {
            return AuthRefusal.BAD_CLAIMS;
        }
        long now = nowEpochSeconds.getAsLong();
        // Saturating: an exp near Long.MAX_VALUE plus the skew must not wrap into the past.
        if (now > saturatingAdd(exp.longValue(), maxClockSkewSeconds)) return AuthRefusal.EXPIRED;
        if (nbf != null && nbf.longValue() > saturatingAdd(now, maxClockSkewSeconds)) return AuthRefusal.NOT_YET_VALID;
        if (issuer != null && (iss == null || !issuer.equals(iss.textValue()))) return AuthRefusal.WRONG_ISSUER;
        if (audience != null && !audienceNames(aud, audience)) return AuthRefusal.WRONG_AUDIENCE;
        return null;
    }

    private byte[] mac(String signingInput) {
        return macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    /** A Mac is not thread-safe; the event loop is one thread, so this is one instance in practice. */
    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpadded, canonical base64url (RFC 7515 section 2) of s[from, to), or null for anything else. */
    private static byte[] base64Url(String s, int from, int to) {
        if ((to - from) % 4 == 1) return null;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            boolean ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
            if (!ok) return null;
        }
        String segment = s.substring(from, to);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // Canonical only: the JDK ignores set bits in the last character's unused low bits, which would let
        // several strings pass as one token.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(segment) ? bytes : null;
    }

    /** A JSON object from strict UTF-8 (no duplicate names, nothing after it), or null. */
    private static JsonNode jsonObject(byte[] utf8) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An optional claim; JSON null counts as absent. */
    private static JsonNode optional(JsonNode claims, String name) {
        JsonNode n = claims.get(name);
        return n == null || n.isNull() ? null : n;
    }

    /** An integer that fits in 64 bits (NumericDate as whole seconds; fractions are refused). */
    private static boolean isLong(JsonNode n) { return n != null && (n.isInt() || n.isLong()); }

    private static boolean audienceShape(JsonNode aud) {
        if (aud == null || aud.isTextual()) return true;
        if (!aud.isArray()) return false;
        for (JsonNode a : aud) if (!a.isTextual()) return false;
        return true;
    }

    private static boolean audienceNames(JsonNode aud, String expected) {
        if (aud == null) return false;
        if (aud.isTextual()) return expected.equals(aud.textValue());
        for (JsonNode a : aud) if (expected.equals(a.textValue())) return true;
        return false;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }
}
