package dev.jcodex.sandbox;

import java.io.IOException;

/**
 * A command running on a pseudo-terminal of its own (started by {@link Sandbox#startPty}). The child leads a
 * new session whose controlling terminal is the pty's slave, on its stdin, stdout and stderr.
 *
 * <ul>
 *   <li>{@link #getInputStream()} is everything written to the terminal: stdout and stderr merged, with the
 *       terminal's line discipline applied ({@code \r\n}, echo of what was typed). {@link #getErrorStream()} is
 *       empty. Closing the input stream closes the terminal.</li>
 *   <li>{@link #getOutputStream()} is the keyboard. Closing it sends end-of-file (^D), since a terminal cannot
 *       be half-closed.</li>
 *   <li>{@link #destroy()} and {@link #destroyForcibly()} signal the whole process group the child leads, as a
 *       terminal's hangup would.</li>
 * </ul>
 */
public abstract class PtyProcess extends Process {
    /** The slave device, e.g. {@code /dev/pts/3}. */
    public abstract String terminalName();

    /** Sets the window size (TIOCSWINSZ); the terminal's foreground process group gets SIGWINCH. */
    public abstract void resize(int rows, int cols) throws IOException;

    /** The window size as the child sees it: {rows, cols}. */
    public abstract int[] size() throws IOException;

    /** Closes the terminal: reads of the output end, and what still runs on it gets SIGHUP. Idempotent. */
    public abstract void closeTerminal();

    /** Rows and columns of a new terminal; both at least 1 and at most 65535 (struct winsize). */
    public record Size(int rows, int cols) {
        public static final Size DEFAULT = new Size(24, 80);

        public Size {
            if (rows < 1 || cols < 1 || rows > 0xffff || cols > 0xffff) {
                throw new IllegalArgumentException("terminal size must be 1..65535 rows and columns, got " + rows + "x" + cols);
            }
        }
    }
}
