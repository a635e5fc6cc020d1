package dev.jcodex.sandbox;

import java.io.IOException;

/** A confined command was refused because no sandbox mechanism works here; it was not run at all. */
public final class SandboxUnavailableException extends IOException {
    public SandboxUnavailableException(String message) {
        super(message);
    }
}
