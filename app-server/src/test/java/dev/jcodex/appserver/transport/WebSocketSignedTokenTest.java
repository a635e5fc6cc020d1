package dev.jcodex.appserver.transport;

import static dev.jcodex.appserver.transport.WebSocketBridgeTest.INIT;
import static dev.jcodex.appserver.transport.WebSocketBridgeTest.readResponse;
import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.appserver.testing.Jwt;
import dev.jcodex.appserver.testing.ListeningDaemon;
import dev.jcodex.appserver.testing.RawWebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --ws-auth signed-bearer-token} on the real daemon: an HS256 JWT in the handshake's Authorization
 * header; every refusal is a 401 without an upgrade. Token times are minutes away from the limits, so a
 * loaded machine's delays cannot flip a result.
 */
class WebSocketSignedTokenTest {
    static final String SECRET = "a-shared-secret-of-more-than-32-bytes";
    static final String ISS = "jcodex-tests";
    static final String AUD = "jcodex-daemon";
    static Path secretFile;
    static ListeningDaemon daemon;

    @BeforeAll
    static void start() throws Exception {
        secretFile = Files.createTempFile("jcodex-ws-secret", "");
        Files.writeString(secretFile, SECRET + "\n");
        // 0.0.0.0: a non-loopback listener is allowed once tokens are required
        daemon = ListeningDaemon.start(null, Map.of(), "--listen", "ws://0.0.0.0:0", "--ws-auth", "signed-bearer-token",
                "--ws-shared-secret-file", secretFile.toString(), "--ws-issuer", ISS, "--ws-audience", AUD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) daemon.close();
        Files.deleteIfExists(secretFile);
    }

    static Map<String, Object> claims(Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("iss", ISS, "aud", AUD, "exp", Jwt.now() + 600));
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) m.remove((String) kv[i]);
            else m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static void assertUpgradesAndServes(int port, String token) throws Exception {
        try (RawWebSocket ws = RawWebSocket.tcp(port, "Authorization: Bearer " + token)) {
            assertTrue(ws.upgraded(), ws.handshakeResponse);
            ws.sendText(INIT);
            assertTrue(readResponse(ws, 1).path("result").path("userAgent").asText().startsWith("ws-test/"));
        }
    }

    static void assertRefused(int port, String authorization, String bodyPart) throws Exception {
        try (RawWebSocket ws = authorization == null ? RawWebSocket.tcp(port) : RawWebSocket.tcp(port, "Authorization: " + authorization)) {
            assertTrue(ws.handshakeResponse.startsWith("HTTP/1.1 401"), ws.handshakeResponse);
            assertFalse(ws.upgraded());
            assertNull(ws.header("Sec-WebSocket-Accept"), ws.handshakeResponse);
            assertTrue(ws.header("WWW-Authenticate").startsWith("Bearer"), ws.handshakeResponse);
            String body = ws.refusalBody();
            assertTrue(body.contains(bodyPart), body);
        }
    }

    @Test
    void aValidTokenUpgradesAndInitializeWorks() throws Exception {
        assertUpgradesAndServes(daemon.port(), Jwt.hs256(SECRET, claims()));
        assertUpgradesAndServes(daemon.port(), Jwt.hs256(SECRET, claims("aud", java.util.List.of("someone-else", AUD),
                "nbf", Jwt.now() - 60, "iat", Jwt.now())));
        // the scheme is case-insensitive
        try (RawWebSocket ws = RawWebSocket.tcp(daemon.port(), "Authorization: bearer " + Jwt.hs256(SECRET, claims()))) {
            assertTrue(ws.upgraded(), ws.handshakeResponse);
        }
        // health routes stay open for probes
        assertTrue(RawWebSocket.httpGet(daemon.port(), "/readyz").startsWith("HTTP/1.1 200"));
    }

    @Test
    void invalidTokensAre401WithoutUpgrade() throws Exception {
        int port = daemon.port();
        assertRefused(port, null, "no bearer token");
        assertRefused(port, "Basic dXNlcjpwYXNz", "Bearer <token>");
        assertRefused(port, "Bearer " + Jwt.hs256("another-secret-that-is-32-bytes-long", claims()), "signed");
        assertRefused(port, "Bearer " + Jwt.unsigned(claims()), "signed");
        assertRefused(port, "Bearer not.a.jwt", "signed");
        assertRefused(port, "Bearer " + Jwt.hs256(SECRET, claims("exp", Jwt.now() - 600)), "expired");
        assertRefused(port, "Bearer " + Jwt.hs256(SECRET, claims("nbf", Jwt.now() + 600)), "not valid yet");
        assertRefused(port, "Bearer " + Jwt.hs256(SECRET, claims("iss", "someone-else")), "issuer");
        assertRefused(port, "Bearer " + Jwt.hs256(SECRET, claims("iss", null)), "issuer");
        assertRefused(port, "Bearer " + Jwt.hs256(SECRET, claims("aud", "someone-else")), "audience");
        assertRefused(port, "Bearer " + Jwt.hs256(SECRET, claims("exp", null)), "exp is required");
        // a refused client leaves the daemon serving others
        assertUpgradesAndServes(port, Jwt.hs256(SECRET, claims()));
    }

    @Test
    void clockSkewIsHonoured() throws Exception {
        // default allowance 30 s: 10 s past exp / 10 s before nbf pass, 300 s do not
        assertUpgradesAndServes(daemon.port(), Jwt.hs256(SECRET, claims("exp", Jwt.now() - 10)));
        assertUpgradesAndServes(daemon.port(), Jwt.hs256(SECRET, claims("nbf", Jwt.now() + 10)));
        String late = Jwt.hs256(SECRET, claims("exp", Jwt.now() - 300));
        String early = Jwt.hs256(SECRET, claims("nbf", Jwt.now() + 300));
        assertRefused(daemon.port(), "Bearer " + late, "expired");
        assertRefused(daemon.port(), "Bearer " + early, "not valid yet");
        // an allowance of 900 s accepts both; without --ws-issuer/--ws-audience any iss/aud is fine
        try (ListeningDaemon lenient = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0",
                "--ws-auth", "signed-bearer-token", "--ws-shared-secret-file", secretFile.toString(),
                "--ws-max-clock-skew-seconds", "900")) {
            assertUpgradesAndServes(lenient.port(), late);
            assertUpgradesAndServes(lenient.port(), early);
            assertUpgradesAndServes(lenient.port(), Jwt.hs256(SECRET, claims("iss", "anyone", "aud", null)));
            assertRefused(lenient.port(), "Bearer " + Jwt.hs256(SECRET, claims("exp", Jwt.now() - 1200)), "expired");
        }
    }

    @Test
    void startupRefusesAShortSecretAndMixedModes() throws Exception {
        Path shortSecret = Files.createTempFile("jcodex-ws-secret", "");
        try {
            Files.writeString(shortSecret, "x".repeat(31) + "\n");
            AssertionError e = assertThrows(AssertionError.class, () -> ListeningDaemon.start(null, Map.of(),
                    "--listen", "ws://127.0.0.1:0", "--ws-auth", "signed-bearer-token",
                    "--ws-shared-secret-file", shortSecret.toString()).close());
            assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
            e = assertThrows(AssertionError.class, () -> ListeningDaemon.start(null, Map.of(),
                    "--listen", "ws://127.0.0.1:0", "--ws-auth", "capability-token",
                    "--ws-token-file", secretFile.toString(), "--ws-audience", AUD).close());
            assertTrue(e.getMessage().contains("signed-bearer-token"), e.getMessage());
        } finally {
            Files.deleteIfExists(shortSecret);
        }
    }
}
