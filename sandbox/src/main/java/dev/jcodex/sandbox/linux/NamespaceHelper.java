package dev.jcodex.sandbox.linux;

import dev.jcodex.sandbox.PtyProcess;
import dev.jcodex.sandbox.SandboxPolicy;
import dev.jcodex.sandbox.SandboxPolicy.WritableRoot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The namespace helper ({@code src/main/c/jcodex-sandbox.c}, compiled into this module's classes by the build):
 * user + mount + PID + IPC + UTS (+ network when off) namespaces, read-only mounts with the writable roots bound
 * read-write and the protected names read-only again, a private /dev, a fresh /proc, PID 1 reaping, capabilities
 * dropped, then the daemon's Landlock ruleset (an inherited descriptor) and seccomp program (hex on its argv):
 * one source for both, this module's Java.
 *
 * <p>Where the binary lives: nowhere on disk. Its bytes are read once from the class path into a sealed memfd
 * (no write, grow, shrink; the writable descriptor closed), which the child executes as /proc/self/fd/N. No
 * directory the agent could write holds it, and nothing is checked and then executed: what runs is what was
 * sealed.
 */
public final class NamespaceHelper {
    /** The class-path resource, next to this class. */
    static final String RESOURCE = "jcodex-sandbox";
    /** Forces the probe to fail, as where user namespaces are not allowed (tests, and to opt out). */
    public static final String DISABLE_PROPERTY = "jcodex.sandbox.namespaces";
    public static final String DISABLE_ENV = "JCODEX_SANDBOX_NAMESPACES";

    private final int exeFd; // read-only, close-on-exec, >= 10

    private NamespaceHelper(int exeFd) {
        this.exeFd = exeFd;
    }

    /** What the helper applies; roots as the policy gives them. */
    public record Plan(List<WritableRoot> roots, boolean network, boolean writableShm, int landlockRulesetFd,
                       byte[] seccompProgram) {}

    // ---- loading --------------------------------------------------------------------------------------------

    /** The helper sealed in a memfd, or an exception saying why it cannot be used here. */
    public static NamespaceHelper load() throws IOException {
        String off = System.getProperty(DISABLE_PROPERTY, System.getenv(DISABLE_ENV));
        if (off != null && (off.equals("off") || off.equals("false") || off.equals("0"))) {
            throw new IOException("user namespaces disabled (" + DISABLE_PROPERTY + "/" + DISABLE_ENV + "=" + off + ")");
        }
        byte[] binary;
        try (InputStream in = NamespaceHelper.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("the namespace helper was not built into this jar (no C compiler at build time?)");
            binary = in.readAllBytes();
        }
        return new NamespaceHelper(sealedMemfd(binary));
    }

    /** Null when the helper can build its namespaces here (one spawn of {@code true}), else the reason. */
    public String probe() {
        try {
            Path truePath = findExecutable("true", null).orElse(Path.of("/bin/true"));
            ProcessBuilder pb = new ProcessBuilder("true").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.directory(new File("/"));
            Process p = spawn(pb, List.of("--cwd", "/", "--exec", truePath.toString(), "--", "true"), -1, null);
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "namespace helper probe timed out";
            }
            return p.exitValue() == 0 ? null : "user namespaces unavailable: " + (out.isEmpty() ? "exit " + p.exitValue() : out);
        } catch (IOException e) {
            return "namespace helper failed to start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing the namespace helper";
        }
    }

    // ---- spawning -------------------------------------------------------------------------------------------

    /**
     * Starts {@code pb}'s command (directory, environment, redirects honoured; on a terminal of {@code tty} when
     * non-null) inside the helper. Spawned from the thread that waits for it: the helper's parent-death signal
     * fires when that thread ends, i.e. when the daemon dies.
     */
    public Process start(ProcessBuilder pb, Plan plan, PtyProcess.Size tty) throws IOException {
        List<String> cmd = pb.command();
        if (cmd.isEmpty()) throw new IndexOutOfBoundsException("empty command");
        String dir = (pb.directory() != null ? pb.directory() : new File("")).getAbsolutePath();
        // posix_spawnp searches the parent's PATH; do the same here, so a missing program fails as it does for
        // ProcessBuilder (an IOException with error=2) rather than as exit 127 from inside the helper
        Path exec = findExecutable(cmd.getFirst(), Path.of(dir)).orElseThrow(() -> new IOException(
                "Cannot run program \"" + cmd.getFirst() + "\" (in directory \"" + dir + "\"): error=2, "
                        + "No such file or directory"));
        List<String> args = arguments(plan, dir, exec);
        args.add("--");
        args.addAll(cmd);
        return spawn(pb, args, plan.landlockRulesetFd(), tty);
    }

    /** The helper's options for {@code plan} (all but the command). */
    static List<String> arguments(Plan plan, String dir, Path exec) {
        List<String> a = new ArrayList<>();
        if (plan.network()) a.add("--net");
        if (plan.writableShm()) a.add("--shm");
        if (plan.seccompProgram() != null) a.addAll(List.of("--seccomp", HexFormat.of().formatHex(plan.seccompProgram())));
        for (WritableRoot r : plan.roots()) a.addAll(List.of("--rw", r.root().toString()));
        for (WritableRoot r : plan.roots()) {
            for (String name : SandboxPolicy.PROTECTED_NAMES) a.addAll(List.of("--protect", r.root().resolve(name).toString()));
        }
        for (WritableRoot r : plan.roots()) {
            for (Path p : r.readOnlySubpaths()) {
                boolean topName = r.root().equals(p.getParent())
                        && SandboxPolicy.PROTECTED_NAMES.contains(p.getFileName().toString());
                // gitdirs and link targets; only those inside some writable root need covering
                if (!topName && plan.roots().stream().anyMatch(o -> p.startsWith(o.root()))) {
                    a.addAll(List.of("--ro", p.toString()));
                }
            }
        }
        a.addAll(List.of("--cwd", dir, "--exec", exec.toString()));
        return a;
    }

    private Process spawn(ProcessBuilder pb, List<String> helperArgs, int landlockFd, PtyProcess.Size tty)
            throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(RESOURCE);
        argv.addAll(List.of("--parent", Long.toString(ProcessHandle.current().pid())));
        int ruleset = landlockFd >= 0 ? dupHigh(landlockFd) : -1;
        try {
            if (ruleset >= 0) argv.addAll(List.of("--landlock-fd", "3"));
            argv.addAll(helperArgs);
            ProcessBuilder wrapped = new ProcessBuilder(argv);
            wrapped.environment().clear();
            wrapped.environment().putAll(pb.environment());
            wrapped.directory(pb.directory());
            wrapped.redirectInput(pb.redirectInput());
            wrapped.redirectOutput(pb.redirectOutput());
            wrapped.redirectError(pb.redirectError());
            wrapped.redirectErrorStream(pb.redirectErrorStream());
            int[] fds = ruleset >= 0 ? new int[] {ruleset, exeFd} : new int[] {exeFd};
            String self = "/proc/self/fd/" + (3 + fds.length - 1);
            return tty == null
                    ? ThreadConfinedSpawner.start(wrapped, null, r -> r.withExecutable(self, fds))
                    : PtySpawner.start(wrapped, null, tty, r -> r.withExecutable(self, fds));
        } finally {
            if (ruleset >= 0) Syscalls.close(ruleset);
        }
    }

    /** The file posix_spawnp would run for {@code name}: as given when it has a slash, else the first on PATH. */
    static java.util.Optional<Path> findExecutable(String name, Path dir) {
        if (name.contains("/")) {
            Path p = dir != null ? dir.resolve(name) : Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? java.util.Optional.of(Path.of(name))
                    : java.util.Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) path = "/bin:/usr/bin";
        for (String d : path.split(":", -1)) {
            Path base = d.isEmpty() ? (dir != null ? dir : Path.of("")) : Path.of(d);
            if (!base.isAbsolute() && dir != null) base = dir.resolve(base);
            Path p = base.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return java.util.Optional.of(p.toAbsolutePath());
        }
        return java.util.Optional.empty();
    }

    // ---- the memfd ------------------------------------------------------------------------------------------

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");
    private static final int MFD_CLOEXEC = 1;
    private static final int MFD_ALLOW_SEALING = 2;
    private static final int MFD_EXEC = 0x10;
    private static final int EINVAL = 22;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int F_ADD_SEALS = 1033;
    private static final int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... opts) {
        return LINKER.defaultLookup().find(name).map(a -> LINKER.downcallHandle(a, fd, opts))
                .orElseThrow(() -> new UnsatisfiedLinkError("libc lacks " + name));
    }

    private static final class Native {
        static final MethodHandle MEMFD_CREATE = downcall("memfd_create",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
        static final MethodHandle FCNTL_INT = downcall("fcntl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPT, Linker.Option.firstVariadicArg(2));
        static final MethodHandle WRITE = downcall("write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPT);
    }

    private static int fcntl(int fd, int cmd, int arg) throws Syscalls.ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) Native.FCNTL_INT.invokeExact(st, fd, cmd, arg);
            if (r < 0) throw new Syscalls.ErrnoException("fcntl(" + cmd + ")", (int) ERRNO.get(st, 0L));
            return r;
        } catch (Syscalls.ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A close-on-exec duplicate numbered 10 or more, so the spawn's dup2s to 3, 4 never clobber a source. */
    private static int dupHigh(int fd) throws IOException {
        return fcntl(fd, F_DUPFD_CLOEXEC, 10);
    }

    /** The bytes in a memfd sealed against every change, returned as a read-only descriptor (>= 10). */
    private static int sealedMemfd(byte[] content) throws IOException {
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            // MFD_EXEC: executable even where vm.memfd_noexec=1 makes memfds non-executable by default; a
            // kernel before 6.3 rejects the flag (EINVAL), where memfds are always executable
            fd = (int) Native.MEMFD_CREATE.invokeExact(st, a.allocateFrom(RESOURCE), MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
            if (fd < 0 && (int) ERRNO.get(st, 0L) == EINVAL) {
                fd = (int) Native.MEMFD_CREATE.invokeExact(st, a.allocateFrom(RESOURCE), MFD_CLOEXEC | MFD_ALLOW_SEALING);
            }
            if (fd < 0) throw new Syscalls.ErrnoException("memfd_create", (int) ERRNO.get(st, 0L));
            try {
                MemorySegment buf = a.allocate(content.length);
                MemorySegment.copy(content, 0, buf, ValueLayout.JAVA_BYTE, 0, content.length);
                long off = 0;
                while (off < content.length) {
                    long n = (long) Native.WRITE.invokeExact(st, fd, buf.asSlice(off), (long) content.length - off);
                    if (n < 0) {
                        int e = (int) ERRNO.get(st, 0L);
                        if (e == Syscalls.EINTR) continue;
                        throw new Syscalls.ErrnoException("write(memfd)", e);
                    }
                    off += n;
                }
                fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
                // exec refuses a file open for writing (ETXTBSY): keep only a read-only descriptor
                int ro = Syscalls.open("/proc/self/fd/" + fd, Syscalls.O_RDONLY | Syscalls.O_CLOEXEC, 0);
                try {
                    return dupHigh(ro);
                } finally {
                    Syscalls.close(ro);
                }
            } finally {
                Syscalls.close(fd);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("cannot seal the namespace helper in a memfd: " + t, t);
        }
    }
}
