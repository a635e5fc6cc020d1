package dev.jcodex.sandbox;

/** How this system confines commands; detected once per process. */
public enum Mechanism {
    /**
     * The namespace helper (jcodex-sandbox, built with this module): user + mount + PID + IPC + UTS (+ network)
     * namespaces, read-only mounts, then Landlock + seccomp inside. The default wherever user namespaces work.
     */
    NAMESPACES,
    /** no_new_privs + Landlock + seccomp applied to a fresh platform thread that spawns the child (~1 ms). */
    LANDLOCK_SECCOMP,
    /** Each command wrapped in bwrap, when Landlock or seccomp is unavailable. */
    BUBBLEWRAP,
    /** Nothing works: confined commands are refused. */
    NONE
}
