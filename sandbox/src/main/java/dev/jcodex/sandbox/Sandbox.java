package dev.jcodex.sandbox;

import dev.jcodex.sandbox.SandboxPolicy.WritableRoot;
import dev.jcodex.sandbox.linux.Bubblewrap;
import dev.jcodex.sandbox.linux.LandlockRules;
import dev.jcodex.sandbox.linux.PtySpawner;
import dev.jcodex.sandbox.linux.SeccompFilter;
import dev.jcodex.sandbox.linux.Syscalls;
import dev.jcodex.sandbox.linux.ThreadConfinedSpawner;
import dev.jcodex.sandbox.linux.ThreadConfinedSpawner.Confinement;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands confined by a {@link SandboxPolicy}. Detects once per process which mechanism works here;
 * where none does, confined commands are refused, never run unconfined.
 */
public final class Sandbox {
    public static final String NETWORK_DISABLED_ENV = "CODEX_SANDBOX_NETWORK_DISABLED";

    /** Where {@code linux.Syscalls} can load (its static initializer binds Linux-only libc entry points). */
    private static final boolean LINUX = System.getProperty("os.name").equals("Linux")
            && List.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch"));

    private final Mechanism mechanism;
    private final Optional<String> unavailableReason;
    private final int landlockAbi;
    private final Path bwrap;
    private final Path bwrapSeccompFile;

    private Sandbox(Mechanism mechanism, String reason, int landlockAbi, Path bwrap, Path bwrapSeccompFile) {
        // With LANDLOCK_SECCOMP, a non-null bwrap serves the commands whose roots hold protected paths.
        this.mechanism = mechanism;
        this.unavailableReason = Optional.ofNullable(reason);
        this.landlockAbi = landlockAbi;
        this.bwrap = bwrap;
        this.bwrapSeccompFile = bwrapSeccompFile;
    }

    private static final class Holder {
        static final Sandbox SYSTEM = detect(null);
    }

    /** The mechanism of this system, detected on first use (a dry run on a throw-away thread). */
    public static Sandbox system() {
        return Holder.SYSTEM;
    }

    /** For tests and diagnostics: the sandbox using {@code wanted} if it works here, else NONE with the reason. */
    static Sandbox forcing(Mechanism wanted) {
        return detect(wanted);
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /**
     * Empty when the preferred in-process mechanism works; otherwise why not (with bubblewrap as the fallback
     * in use, or, for {@link Mechanism#NONE}, why confined commands will be refused). For a one-time warning.
     */
    public Optional<String> unavailableReason() {
        return unavailableReason;
    }

    /** The kernel's Landlock ABI version, 0 when Landlock is not in use. */
    public int landlockAbi() {
        return landlockAbi;
    }

    /** Whether commands in a workspace holding .git/.codex go through bubblewrap (installed next to Landlock). */
    public boolean bubblewrapForProtectedPaths() {
        return mechanism == Mechanism.LANDLOCK_SECCOMP && bwrap != null;
    }

    public String describe() {
        return switch (mechanism) {
            case LANDLOCK_SECCOMP -> "landlock (ABI " + landlockAbi + ") + seccomp, per spawn thread"
                    + (bwrap != null ? "; bubblewrap for workspaces with .git/.codex" : "");
            case BUBBLEWRAP -> "bubblewrap (" + bwrap + "): " + unavailableReason.orElse("");
            case NONE -> "none: " + unavailableReason.orElse("");
        };
    }

    /**
     * Starts {@code pb} under {@code policy} with {@code cwd} as the workspace (and as the working directory
     * when {@code pb} has none). Full-access and externally sandboxed policies start it plainly. Mutates
     * {@code pb}: the network marker goes into its environment and the default directory into it.
     * Thread-safe; may be called from virtual threads (the confinement happens on a thread of its own).
     */
    public Process start(ProcessBuilder pb, SandboxPolicy policy, Path cwd) throws IOException {
        return launch(pb, policy, cwd, null);
    }

    /**
     * As {@link #start}, but on a new pseudo-terminal of {@code size}: the command leads its own session with
     * the terminal as stdin, stdout, stderr and controlling terminal. {@code pb}'s redirects are ignored.
     */
    public PtyProcess startPty(ProcessBuilder pb, PtyProcess.Size size, SandboxPolicy policy, Path cwd)
            throws IOException {
        return (PtyProcess) launch(pb, policy, cwd, size);
    }

    /** One dispatch for both kinds of spawn; {@code tty} null means pipes. */
    private Process launch(ProcessBuilder pb, SandboxPolicy policy, Path cwd, PtyProcess.Size tty)
            throws IOException {
        if (!policy.networkAccess()) pb.environment().put(NETWORK_DISABLED_ENV, "1");
        if (!policy.confined()) return tty == null ? pb.start() : PtySpawner.start(pb, null, tty);
        Path work = cwd.toAbsolutePath().normalize();
        if (pb.directory() == null) pb.directory(work.toFile());
        List<WritableRoot> roots = policy.writableRoots(work);
        return switch (mechanism) {
            case LANDLOCK_SECCOMP -> startInProcess(pb, policy, work, roots, tty);
            case BUBBLEWRAP -> startBubblewrap(pb, policy, work, roots, tty);
            case NONE -> throw new SandboxUnavailableException(
                    "refusing to run a command under the " + policy.kind() + " sandbox policy: no sandbox mechanism"
                            + " works on this system (" + unavailableReason.orElse("unknown") + ")");
        };
    }

    private Process startInProcess(ProcessBuilder pb, SandboxPolicy policy, Path work, List<WritableRoot> roots,
                                   PtyProcess.Size tty) throws IOException {
        boolean shm = policy instanceof SandboxPolicy.WorkspaceWrite w && !w.excludeSlashTmp();
        List<LandlockRules.Grant> grants = LandlockRules.plan(roots, policy.projectRoots(work));
        // Landlock cannot keep .git read-only inside a writable root without also forbidding new top-level
        // entries there (see LandlockRules); bubblewrap can, so it takes those commands when installed.
        if (bwrap != null && LandlockRules.expanded(roots, grants)) return startBubblewrap(pb, policy, work, roots, tty);
        int ruleset = LandlockRules.createRuleset(grants, landlockAbi, shm, !policy.networkAccess());
        try {
            byte[] seccomp = SeccompFilter.forCommand(!policy.networkAccess());
            Confinement c = new Confinement(ruleset, seccomp);
            return tty == null ? ThreadConfinedSpawner.start(pb, c) : PtySpawner.start(pb, c, tty);
        } finally {
            Syscalls.close(ruleset);
        }
    }

    private Process startBubblewrap(ProcessBuilder pb, SandboxPolicy policy, Path work, List<WritableRoot> roots,
                                    PtyProcess.Size tty) throws IOException {
        // Missing protected names get an empty placeholder first, so that bwrap binds them read-only too.
        List<Path> placeholders = MountPlaceholders.acquire(policy.projectRoots(work));
        try {
            Process p = spawnBubblewrap(pb, policy, roots, tty);
            p.onExit().whenComplete((done, failure) -> MountPlaceholders.release(placeholders));
            return p;
        } catch (IOException | RuntimeException | Error e) {
            MountPlaceholders.release(placeholders);
            throw e;
        }
    }

    private Process spawnBubblewrap(ProcessBuilder pb, SandboxPolicy policy, List<WritableRoot> roots,
                                    PtyProcess.Size tty) throws IOException {
        Path dir = pb.directory().toPath().toAbsolutePath();
        // network on too: TIOCSTI/TIOCLINUX, AF_VSOCK and io_uring are denied under bwrap as on Landlock
        Path seccomp = bwrapSeccompFile == null ? null
                : policy.networkAccess() ? SeccompPrograms.NETWORK_ON : SeccompPrograms.NETWORK_OFF;
        ProcessBuilder wrapped = new ProcessBuilder(Bubblewrap.wrap(bwrap, roots, policy.networkAccess(), dir,
                seccomp, tty != null, pb.command()));
        wrapped.environment().clear();
        wrapped.environment().putAll(pb.environment());
        wrapped.directory(pb.directory());
        // Spawned by us rather than ProcessBuilder: --die-with-parent fires when the spawning *thread* ends, so
        // the parent must be a thread that lives as long as the command (a carrier thread or the caller's may not).
        if (tty != null) return PtySpawner.start(wrapped, null, tty);
        wrapped.redirectInput(pb.redirectInput());
        wrapped.redirectOutput(pb.redirectOutput());
        wrapped.redirectError(pb.redirectError());
        wrapped.redirectErrorStream(pb.redirectErrorStream());
        return Syscalls.spawnUnsupportedReason().isEmpty() ? ThreadConfinedSpawner.start(wrapped, null) : wrapped.start();
    }

    /**
     * Whether the daemon itself may write {@code target} (apply_patch) under {@code policy}: symlinks and
     * {@code ..} are resolved as the kernel would, then the real path must lie in a writable root and in no
     * protected path of any root.
     */
    public boolean canWrite(SandboxPolicy policy, Path cwd, Path target) {
        if (!policy.confined()) return true;
        Path work = cwd.toAbsolutePath().normalize();
        Optional<Path> real = RealPaths.resolveForWrite(work.resolve(target));
        if (real.isEmpty()) return false;
        List<WritableRoot> roots = policy.writableRoots(work);
        for (WritableRoot r : roots) {
            for (Path p : r.readOnlySubpaths()) {
                if (real.get().startsWith(p)) return false;
            }
        }
        return roots.stream().anyMatch(r -> r.allows(real.get()));
    }

    /**
     * The file mutations of apply_patch under {@code policy} in {@code cwd}: confined by construction for
     * read-only and workspace-write on Linux ({@link BeneathRoots}: descriptor-relative, no symlink followed
     * after the policy check, so a swapped symlink cannot redirect a write), plain for the unconfined policies.
     * Elsewhere (no /proc, no openat) the writes fall back to {@link #canWrite} before each plain write.
     */
    public SandboxedFiles files(SandboxPolicy policy, Path cwd) {
        if (!policy.confined()) return SandboxedFiles.unconfined();
        Path work = cwd.toAbsolutePath().normalize();
        if (LINUX) return new BeneathRoots(policy.writableRoots(work));
        SandboxedFiles plain = SandboxedFiles.unconfined();
        return new SandboxedFiles() {
            @Override
            public void write(Path target, byte[] content) throws IOException {
                if (!canWrite(policy, work, target)) throw refused(target);
                plain.write(target, content);
            }

            @Override
            public void delete(Path target) throws IOException {
                if (!canWrite(policy, work, target)) throw refused(target);
                plain.delete(target);
            }

            private IOException refused(Path target) {
                return new java.nio.file.AccessDeniedException(target.toString(), null, "not allowed by the sandbox policy");
            }
        };
    }

    // ---- detection ------------------------------------------------------------------------------------------

    private static Sandbox detect(Mechanism wanted) {
        int[] abi = {0};
        String inProcessProblem = inProcessProblem(abi);
        if (inProcessProblem == null && wanted == Mechanism.LANDLOCK_SECCOMP) {
            return new Sandbox(Mechanism.LANDLOCK_SECCOMP, null, abi[0], null, null); // Landlock alone
        }
        if (inProcessProblem == null && wanted == null) {
            Path helper = findOnPath("bwrap").filter(b -> probeBubblewrap(b) == null).orElse(null);
            return new Sandbox(Mechanism.LANDLOCK_SECCOMP, null, abi[0], helper,
                    helper != null ? seccompFileIfUsable() : null);
        }
        if (wanted == Mechanism.NONE) return new Sandbox(Mechanism.NONE, "no mechanism requested", 0, null, null);
        if (wanted == Mechanism.LANDLOCK_SECCOMP) return new Sandbox(Mechanism.NONE, inProcessProblem, 0, null, null);
        String why = inProcessProblem != null ? inProcessProblem : "bubblewrap requested";
        Optional<Path> bwrap = findOnPath("bwrap");
        if (bwrap.isEmpty()) {
            return new Sandbox(Mechanism.NONE, why + "; and bubblewrap (bwrap) is not installed", 0, null, null);
        }
        String bwrapProblem = probeBubblewrap(bwrap.get());
        if (bwrapProblem != null) {
            return new Sandbox(Mechanism.NONE, why + "; and " + bwrapProblem, 0, null, null);
        }
        return new Sandbox(Mechanism.BUBBLEWRAP, why, 0, bwrap.get(), seccompFileIfUsable());
    }

    /** Null when no_new_privs + Landlock + seccomp can be applied here, else the reason. */
    private static String inProcessProblem(int[] abiOut) {
        try {
            if (!Syscalls.SUPPORTED_ARCH) {
                return "in-process sandbox supports Linux on x86_64/aarch64 only (this is "
                        + System.getProperty("os.name") + "/" + Syscalls.ARCH + ")";
            }
            Optional<String> spawn = Syscalls.spawnUnsupportedReason();
            if (spawn.isPresent()) return spawn.get();
            int abi;
            try {
                abi = Syscalls.landlockAbiVersion();
            } catch (Syscalls.ErrnoException e) {
                return "Landlock unavailable (" + e.getMessage() + "; needs Linux >= 5.13 with landlock in the LSM list)";
            }
            try {
                Syscalls.seccompMode();
            } catch (Syscalls.ErrnoException e) {
                return "seccomp unavailable (" + e.getMessage() + ")";
            }
            // Dry run on a throw-away thread: a container's own seccomp profile may still refuse these calls.
            int ruleset = LandlockRules.createRuleset(List.of(), abi, false, true);
            try {
                ThreadConfinedSpawner.onConfinedThread(new Confinement(ruleset, SeccompFilter.denyNetwork()), () -> null);
            } finally {
                Syscalls.close(ruleset);
            }
            abiOut[0] = abi;
            return null;
        } catch (IOException e) {
            return "in-process sandbox dry run failed: " + e.getMessage();
        } catch (LinkageError | RuntimeException e) {
            return "in-process sandbox unavailable: " + e;
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Null when bwrap can set up a sandbox here (user namespaces may be disabled), else the reason. */
    private static String probeBubblewrap(Path bwrap) {
        try {
            Process p = new ProcessBuilder(bwrap.toString(), "--ro-bind", "/", "/", "--dev", "/dev",
                    "--unshare-pid", "--proc", "/proc", "--unshare-net", "true")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "bubblewrap probe timed out";
            }
            return p.exitValue() == 0 ? null : "bubblewrap cannot create a sandbox here: " + out;
        } catch (IOException e) {
            return "bubblewrap failed to start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing bubblewrap";
        }
    }

    /**
     * The network-off seccomp program for bwrap's --seccomp, when seccomp works here, as a path only we can
     * have written: a sealed memfd of this process ({@code /proc/<pid>/fd/<n>}). A file under /tmp would be
     * writable by the very commands it confines (a root-owned 0600 file can be rewritten by a uid-0 command
     * without any capability), and the next command would get whatever program they left there.
     */
    private static Path seccompFileIfUsable() {
        return SeccompPrograms.NETWORK_OFF;
    }

    /** For tests: the program file bubblewrap commands read (network off), or null. */
    Path bubblewrapSeccompProgram() {
        return bwrapSeccompFile;
    }

    /** Both programs, made once, held open for the life of the process. */
    private static final class SeccompPrograms {
        static final Path NETWORK_OFF = sealed(true);
        static final Path NETWORK_ON = sealed(false);

        private static Path sealed(boolean networkOff) {
            try {
                Syscalls.seccompMode();
                int fd = Syscalls.sealedMemfd("jcodex-seccomp", SeccompFilter.forCommand(networkOff));
                return Path.of("/proc/" + ProcessHandle.current().pid() + "/fd/" + fd);
            } catch (IOException | LinkageError | RuntimeException e) {
                return null; // bwrap still isolates the network namespace; connect then fails with ENETUNREACH
            }
        }
    }
}
