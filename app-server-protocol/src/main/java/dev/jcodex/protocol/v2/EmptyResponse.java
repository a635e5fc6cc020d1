package dev.jcodex.protocol.v2;

/** The {@code {}} result of methods that only acknowledge. */
public record EmptyResponse() {
    public static final EmptyResponse INSTANCE = new EmptyResponse();
}
