package dev.jcodex.protocol.v2;

/** {@code status}: "canceled", or "notFound" when no login with that id is pending. */
public record CancelLoginAccountResponse(String status) {
    public static final String CANCELED = "canceled";
    public static final String NOT_FOUND = "notFound";
}
