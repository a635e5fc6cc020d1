package dev.jcodex.appserver.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints compact JWS tokens for tests: any header, any claims, signed with HMAC-SHA256 (or not at all). */
public final class Jwt {
    private Jwt() {}

    public static String hs256(String secret, Map<String, ?> claims) {
        return sign(secret.getBytes(StandardCharsets.UTF_8), "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", json(claims));
    }

    /** Header and payload given as raw JSON text, so tests can send shapes a JSON library would not write. */
    public static String sign(byte[] secret, String headerJson, String payloadJson) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An "alg":"none" token: header and payload, empty signature. */
    public static String unsigned(Map<String, ?> claims) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(json(claims)) + ".";
    }

    public static String json(Map<String, ?> claims) {
        try {
            return Daemon.M.writeValueAsString(claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long now() { return System.currentTimeMillis() / 1000; }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
