package dev.jcodex.appserver.transport;

/**
 * Why a WebSocket handshake was refused (always HTTP 401). The body says which rule failed; the reasons after
 * the signature check are only ever shown to someone who holds the secret, so they may be specific.
 */
public enum AuthRefusal {
    MISSING("no bearer token: send Authorization: Bearer <token>", "Bearer"),
    MALFORMED_HEADER("the Authorization header is not of the form `Bearer <token>`", "Bearer error=\"invalid_request\""),
    WRONG_TOKEN("the bearer token is not the capability token", Challenge.INVALID_TOKEN),
    BAD_SIGNATURE("the bearer token is not a JWT signed with HS256 and the shared secret", Challenge.INVALID_TOKEN),
    BAD_CLAIMS("the bearer token's JWT is not acceptable: alg must be HS256 without crit, exp is required, "
            + "exp and nbf are integers, iss is a string, aud a string or a list of strings", Challenge.INVALID_TOKEN),
    EXPIRED("the bearer token has expired (exp)", Challenge.INVALID_TOKEN),
    NOT_YET_VALID("the bearer token is not valid yet (nbf)", Challenge.INVALID_TOKEN),
    WRONG_ISSUER("the bearer token's issuer (iss) is not the expected one", Challenge.INVALID_TOKEN),
    WRONG_AUDIENCE("the bearer token's audience (aud) does not name this server", Challenge.INVALID_TOKEN);

    /** The text/plain body of the 401. */
    public final String message;
    /** The {@code WWW-Authenticate} challenge (RFC 6750 section 3). */
    public final String challenge;

    AuthRefusal(String message, String challenge) {
        this.message = message;
        this.challenge = challenge;
    }

    private interface Challenge {
        String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    }
}
