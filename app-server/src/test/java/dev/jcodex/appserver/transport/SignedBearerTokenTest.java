package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.appserver.testing.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JWT rules on a fixed clock, so boundaries are exact (the daemon tests cover the same rules end to end). */
class SignedBearerTokenTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final long NOW = 1_800_000_000L;

    static SignedBearerToken auth(String iss, String aud, long skew) {
        return new SignedBearerToken(SECRET.getBytes(StandardCharsets.UTF_8), iss, aud, skew, () -> NOW);
    }

    static AuthRefusal verify(SignedBearerToken a, Map<String, ?> claims) { return a.verify(Jwt.hs256(SECRET, claims)); }

    static AuthRefusal raw(SignedBearerToken a, String header, String payload) {
        return a.verify(Jwt.sign(SECRET.getBytes(StandardCharsets.UTF_8), header, payload));
    }

    /** RFC 7515 appendix A.1: a token signed by someone else's implementation, with CRLFs inside its JSON. */
    @Test
    void acceptsTheRfc7515Hs256Example() {
        byte[] key = Base64.getUrlDecoder().decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        String token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0"
                + "dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assertNull(new SignedBearerToken(key, "joe", null, 0, () -> 1300819380L).verify(token));
        assertEquals(AuthRefusal.EXPIRED, new SignedBearerToken(key, "joe", null, 0, () -> 1300819381L).verify(token));
        assertEquals(AuthRefusal.WRONG_ISSUER, new SignedBearerToken(key, "ann", null, 0, () -> 1300819380L).verify(token));
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("k") ? "l" : "k");
        assertEquals(AuthRefusal.BAD_SIGNATURE, new SignedBearerToken(key, null, null, 0, () -> 1300819380L).verify(flipped));
    }

    @Test
    void expAndNbfBoundariesWithAndWithoutSkew() {
        SignedBearerToken strict = auth(null, null, 0);
        assertNull(verify(strict, Map.of("exp", NOW)), "exp == now is still valid");
        assertEquals(AuthRefusal.EXPIRED, verify(strict, Map.of("exp", NOW - 1)));
        assertNull(verify(strict, Map.of("exp", NOW + 60, "nbf", NOW)));
        assertEquals(AuthRefusal.NOT_YET_VALID, verify(strict, Map.of("exp", NOW + 60, "nbf", NOW + 1)));
        SignedBearerToken lenient = auth(null, null, 30);
        assertNull(verify(lenient, Map.of("exp", NOW - 30)));
        assertEquals(AuthRefusal.EXPIRED, verify(lenient, Map.of("exp", NOW - 31)));
        assertNull(verify(lenient, Map.of("exp", NOW + 60, "nbf", NOW + 30)));
        assertEquals(AuthRefusal.NOT_YET_VALID, verify(lenient, Map.of("exp", NOW + 60, "nbf", NOW + 31)));
        // no wrap-around at the ends of the range
        assertNull(verify(auth(null, null, Long.MAX_VALUE), Map.of("exp", Long.MAX_VALUE, "nbf", Long.MAX_VALUE)));
        assertEquals(AuthRefusal.EXPIRED, verify(auth(null, null, Long.MAX_VALUE), Map.of("exp", Long.MIN_VALUE)));
        assertEquals(AuthRefusal.EXPIRED, verify(strict, Map.of("exp", -5)));
        // iat is informational: neither its value nor its type is checked
        assertNull(verify(strict, Map.of("exp", NOW + 60, "iat", NOW + 3600)));
        assertNull(verify(strict, Map.of("exp", NOW + 60, "iat", "yesterday")));
    }

    @Test
    void issuerAndAudienceWhenConfigured() {
        SignedBearerToken a = auth("issuer-1", "jcodex", 0);
        assertNull(verify(a, Map.of("exp", NOW, "iss", "issuer-1", "aud", "jcodex")));
        assertNull(verify(a, Map.of("exp", NOW, "iss", "issuer-1", "aud", List.of("other", "jcodex"))));
        assertEquals(AuthRefusal.WRONG_ISSUER, verify(a, Map.of("exp", NOW, "aud", "jcodex")));
        assertEquals(AuthRefusal.WRONG_ISSUER, verify(a, Map.of("exp", NOW, "iss", "ISSUER-1", "aud", "jcodex")));
        assertEquals(AuthRefusal.WRONG_AUDIENCE, verify(a, Map.of("exp", NOW, "iss", "issuer-1")));
        assertEquals(AuthRefusal.WRONG_AUDIENCE, verify(a, Map.of("exp", NOW, "iss", "issuer-1", "aud", List.of())));
        assertEquals(AuthRefusal.WRONG_AUDIENCE, verify(a, Map.of("exp", NOW, "iss", "issuer-1", "aud", "jcodex2")));
        assertEquals(AuthRefusal.EXPIRED, verify(a, Map.of("exp", NOW - 1, "iss", "nobody")), "time is checked first");
        // not configured: any well-typed iss/aud passes, an ill-typed one does not
        SignedBearerToken open = auth(null, null, 0);
        assertNull(verify(open, Map.of("exp", NOW, "iss", "x", "aud", List.of("y"))));
        assertEquals(AuthRefusal.BAD_CLAIMS, verify(open, Map.of("exp", NOW, "iss", 5)));
        assertEquals(AuthRefusal.BAD_CLAIMS, verify(open, Map.of("exp", NOW, "aud", List.of("y", 1))));
    }

    @Test
    void refusesWhatIsNotAnHs256TokenWithIntegerExp() {
        SignedBearerToken a = auth(null, null, 30);
        String exp = "{\"exp\":" + (NOW + 60) + "}";
        assertNull(raw(a, "{\"alg\":\"HS256\"}", exp), "typ is optional");
        assertNull(raw(a, "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"at+jwt\"}", exp));
        assertEquals(AuthRefusal.BAD_CLAIMS, raw(a, "{\"alg\":\"none\"}", exp), "a MAC'd alg=none is still refused");
        assertEquals(AuthRefusal.BAD_CLAIMS, raw(a, "{\"alg\":\"hs256\"}", exp));
        assertEquals(AuthRefusal.BAD_CLAIMS, raw(a, "{\"typ\":\"JWT\"}", exp));
        assertEquals(AuthRefusal.BAD_CLAIMS, raw(a, "{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}", exp), "RFC 7515 4.1.11");
        assertEquals(AuthRefusal.BAD_CLAIMS, raw(a, "{\"alg\":\"HS256\"}", "{}"), "exp is required");
        for (String claims : List.of("{\"exp\":null}", "{\"exp\":\"" + NOW + "\"}", "{\"exp\":" + NOW + ".5}", "{\"exp\":1e10}",
                "{\"exp\":18446744073709551615}", "{\"exp\":" + NOW + ",\"nbf\":1.5}", "{\"exp\":" + NOW + ",\"exp\":" + NOW + "}",
                "[1]", "not json", "{\"exp\":" + NOW + "} trailing", "{\"exp\":" + NOW + ",\"aud\":{}}")) {
            assertEquals(AuthRefusal.BAD_CLAIMS, raw(a, "{\"alg\":\"HS256\"}", claims), claims);
        }
        assertNull(raw(a, "{\"alg\":\"HS256\"}", "{\"exp\":" + NOW + ",\"nbf\":null,\"iss\":null}"), "null = absent");

        String good = Jwt.hs256(SECRET, Map.of("exp", NOW + 60));
        assertNull(a.verify(good));
        for (String bad : List.of("", "abc", good.substring(0, good.lastIndexOf('.')), good + ".x", good + "=",
                good.substring(0, good.length() - 2), good.replace('.', ','), Jwt.unsigned(Map.of("exp", NOW + 60)),
                Jwt.hs256("another-secret-of-at-least-32-bytes", Map.of("exp", NOW + 60)),
                Jwt.sign(SECRET.getBytes(StandardCharsets.UTF_8), "{\"alg\":\"HS256\"}", exp).replaceFirst("\\.", "=.")
        )) {
            assertEquals(AuthRefusal.BAD_SIGNATURE, a.verify(bad), bad);
        }
    }

    @Test
    void authorizationHeaderShapes() {
        SignedBearerToken a = auth(null, null, 30);
        String good = Jwt.hs256(SECRET, Map.of("exp", NOW + 60));
        assertEquals(Optional.empty(), a.check("Bearer " + good));
        assertEquals(Optional.empty(), a.check("bearer   " + good + "  "));
        assertEquals(Optional.of(AuthRefusal.MISSING), a.check(null));
        for (String h : List.of("", "Bearer", "Bearer   ", "Basic " + good, "Bearer" + good, "Token " + good)) {
            assertEquals(Optional.of(AuthRefusal.MALFORMED_HEADER), a.check(h), h);
        }
    }

    @Test
    void secretFileRules() throws Exception {
        Path f = Files.createTempFile("jcodex-secret", "");
        try {
            Files.writeString(f, "  " + SECRET + "\n");
            assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), SignedBearerToken.readSecret(f), "trimmed");
            Files.writeString(f, "x".repeat(31) + "\n");
            assertThrows(IllegalArgumentException.class, () -> SignedBearerToken.readSecret(f));
            Files.writeString(f, "é".repeat(16));
            assertEquals(32, SignedBearerToken.readSecret(f).length, "counted in UTF-8 bytes");
            Files.write(f, new byte[] {(byte) 0xc8, (byte) 0xc9, (byte) 0xca, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
                    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
                    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignedBearerToken.readSecret(f));
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        } finally {
            Files.deleteIfExists(f);
        }
        byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> new SignedBearerToken(key, null, null, -1, () -> NOW));
        assertThrows(IllegalArgumentException.class, () -> new SignedBearerToken(key, "", null, 0, () -> NOW));
    }
}
