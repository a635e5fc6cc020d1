package dev.jcodex.core.config;

/**
 * A config problem that stops jcodex from using the config at all: a file that does not parse, or a value
 * it cannot honour (a misspelt approval policy, a sandbox mode that does not exist). Running on defaults
 * instead could send the prompt to a provider the user did not name or run commands with less care than
 * asked, so nothing runs until it is fixed.
 */
public record ConfigError(String message, ConfigLocation where) {
    /** {@code file:line:col: message}, the one-line form. */
    @Override
    public String toString() { return (where == null ? "config" : where.toString()) + ": " + message; }

    /** The one-line form plus the caret excerpt, for a terminal. */
    public String render() {
        String ex = where == null ? "" : where.excerpt();
        return ex.isEmpty() ? toString() : toString() + "\n" + ex;
    }
}
