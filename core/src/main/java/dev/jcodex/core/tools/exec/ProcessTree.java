package dev.jcodex.core.tools.exec;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills a command together with everything it started. Commands are spawned as leaders of their own
 * session (via setsid), so one kill(-pgid) reaches every process still in the group, including children
 * that were re-parented when an intermediate shell exited; a walk of the descendants catches the ones that
 * left the group (setsid, daemons) while still our descendants.
 */
public final class ProcessTree {
    private ProcessTree() {}

    static final Path SETSID = findSetsid();
    private static final int SIGKILL = 9;
    private static final MethodHandle KILL = killHandle();

    private static Path findSetsid() {
        for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    private static MethodHandle killHandle() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(linker.defaultLookup().find("kill").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Wraps argv so the command leads a new session and process group (when setsid is installed). */
    static List<String> inOwnGroup(List<String> argv) {
        if (SETSID == null) return argv;
        List<String> out = new ArrayList<>();
        out.add(SETSID.toString());
        out.addAll(argv);
        return out;
    }

    /** SIGKILLs the process group led by {@code root} and every live descendant of {@code root}. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        if (KILL != null && SETSID != null) {
            try {
                int rc = (int) KILL.invokeExact((int) -root.pid(), SIGKILL);
                if (rc != 0) { /* no such group (already gone): the walk below still runs */ }
            } catch (Throwable ignored) {
                // fall through to the per-process kill
            }
        }
        root.destroyForcibly();
        for (ProcessHandle h : descendants) h.destroyForcibly();
    }
}
