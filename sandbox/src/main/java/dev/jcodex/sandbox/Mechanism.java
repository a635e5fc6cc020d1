package dev.jcodex.sandbox;

/** How this system confines commands; detected once per process. */
public enum Mechanism {
    /** no_new_privs + Landlock + seccomp applied to a fresh platform thread that spawns the child (~1 ms). */
    LANDLOCK_SECCOMP,
    /** Each command wrapped in bwrap (~10 ms), when Landlock or seccomp is unavailable. */
    BUBBLEWRAP,
    /** Nothing works: confined commands are refused. */
    NONE
}
