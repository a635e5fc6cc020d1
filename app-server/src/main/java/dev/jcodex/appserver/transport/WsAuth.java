package dev.jcodex.appserver.transport;

import java.util.Optional;

/**
 * Authentication of a socket's WebSocket handshake from its {@code Authorization} header: none, a capability
 * token, or an HS256-signed JWT. Health routes are never authenticated.
 */
public sealed interface WsAuth permits WsAuth.None, CapabilityToken, SignedBearerToken {
    /** Empty when the handshake may proceed, else why it is refused. */
    Optional<AuthRefusal> check(String authorizationHeader);

    boolean required();

    /** No authentication (allowed only on loopback and unix sockets). */
    static WsAuth none() { return new None(); }

    record None() implements WsAuth {
        @Override public Optional<AuthRefusal> check(String authorizationHeader) { return Optional.empty(); }
        @Override public boolean required() { return false; }
    }

    /**
     * The token of {@code Bearer <token>}: the scheme in any case, any whitespace around the token. A missing
     * header and any other shape are told apart so the client learns which it got wrong.
     */
    sealed interface Bearer {
        record Token(String value) implements Bearer {}
        record Refused(AuthRefusal why) implements Bearer {}

        static Bearer of(String header) {
            if (header == null) return new Refused(AuthRefusal.MISSING);
            String h = header.strip();
            int sp = 0;
            while (sp < h.length() && !Character.isWhitespace(h.charAt(sp))) sp++;
            String token = h.substring(sp).strip();
            if (!h.substring(0, sp).equalsIgnoreCase("Bearer") || token.isEmpty()) {
                return new Refused(AuthRefusal.MALFORMED_HEADER);
            }
            return new Token(token);
        }
    }
}
