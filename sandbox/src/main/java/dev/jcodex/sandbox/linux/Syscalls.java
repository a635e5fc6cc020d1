package dev.jcodex.sandbox.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Every Linux constant, syscall number, struct layout and libc entry point the sandbox uses, in one place so
 * that a new architecture or kernel ABI is a change to this file only. Numbers are from the kernel UAPI headers
 * (linux/landlock.h, linux/seccomp.h, linux/filter.h, linux/audit.h, asm/unistd.h) for x86_64 and aarch64.
 *
 * <p>Every downcall captures errno, because the JVM may clobber it between the call and a later read.
 */
public final class Syscalls {
    private Syscalls() {}

    // ---- architecture -------------------------------------------------------------------------------------
    public static final String ARCH = System.getProperty("os.arch");
    public static final boolean X86_64 = ARCH.equals("amd64") || ARCH.equals("x86_64");
    public static final boolean AARCH64 = ARCH.equals("aarch64");
    public static final boolean SUPPORTED_ARCH =
            System.getProperty("os.name").equals("Linux") && (X86_64 || AARCH64);

    /** AUDIT_ARCH_* as seen in seccomp_data.arch. */
    public static final int AUDIT_ARCH = X86_64 ? 0xC000003E : 0xC00000B7;
    /** x86_64 only: syscalls with this bit set are the x32 ABI, which reuses AUDIT_ARCH_X86_64. */
    public static final int X32_SYSCALL_BIT = 0x40000000;

    // ---- syscall numbers (landlock and io_uring share numbers across arches: they postdate the split) ----
    public static final long SYS_LANDLOCK_CREATE_RULESET = 444;
    public static final long SYS_LANDLOCK_ADD_RULE = 445;
    public static final long SYS_LANDLOCK_RESTRICT_SELF = 446;
    public static final int SYS_SOCKET = X86_64 ? 41 : 198;
    public static final int SYS_SOCKETPAIR = X86_64 ? 53 : 199;
    public static final int SYS_IO_URING_SETUP = 425;
    public static final int SYS_IO_URING_ENTER = 426;
    public static final int SYS_IO_URING_REGISTER = 427;
    public static final int SYS_IOCTL = X86_64 ? 16 : 29;
    public static final int SYS_CONNECT = X86_64 ? 42 : 203;
    public static final int SYS_ACCEPT = X86_64 ? 43 : 202;
    public static final int SYS_ACCEPT4 = X86_64 ? 288 : 242;
    public static final int SYS_BIND = X86_64 ? 49 : 200;
    public static final int SYS_LISTEN = X86_64 ? 50 : 201;
    public static final int SYS_GETSOCKNAME = X86_64 ? 51 : 204;
    public static final int SYS_GETPEERNAME = X86_64 ? 52 : 205;
    public static final int SYS_SHUTDOWN = X86_64 ? 48 : 210;
    public static final int SYS_SENDTO = X86_64 ? 44 : 206;
    public static final int SYS_SENDMMSG = X86_64 ? 307 : 269;
    public static final int SYS_RECVMMSG = X86_64 ? 299 : 243;
    public static final int SYS_GETSOCKOPT = X86_64 ? 55 : 209;
    public static final int SYS_SETSOCKOPT = X86_64 ? 54 : 208;
    public static final int SYS_PTRACE = X86_64 ? 101 : 117;
    public static final int SYS_PROCESS_VM_READV = X86_64 ? 310 : 270;
    public static final int SYS_PROCESS_VM_WRITEV = X86_64 ? 311 : 271;
    public static final long SYS_CAPGET = X86_64 ? 125 : 90;
    public static final long SYS_CAPSET = X86_64 ? 126 : 91;
    public static final long SYS_OPENAT2 = 437; // shared across arches

    // ---- prctl ----------------------------------------------------------------------------------------------
    public static final int PR_GET_SECCOMP = 21;
    public static final int PR_SET_SECCOMP = 22;
    public static final int PR_SET_NO_NEW_PRIVS = 38;
    public static final int SECCOMP_MODE_FILTER = 2;
    public static final int PR_CAPBSET_READ = 23;
    public static final int PR_CAPBSET_DROP = 24;
    public static final int PR_GET_SECUREBITS = 27;
    public static final int PR_SET_SECUREBITS = 28;
    public static final int PR_CAP_AMBIENT = 47;
    public static final int PR_CAP_AMBIENT_CLEAR_ALL = 4;

    // ---- capabilities (linux/capability.h, linux/securebits.h) ---------------------------------------------
    public static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    /** The highest capability number any kernel may define; PR_CAPBSET_DROP answers EINVAL past the last. */
    public static final int MAX_CAPABILITY = 63;
    public static final int SECBIT_NOROOT = 1 << 0;
    public static final int SECBIT_KEEP_CAPS = 1 << 4;
    /** NOROOT, NO_SETUID_FIXUP, NO_CAP_AMBIENT_RAISE and every LOCKED bit (KEEP_CAPS itself stays off). */
    public static final int SECUREBITS_NO_REGAIN = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 5) | (1 << 6) | (1 << 7);

    // ---- seccomp / classic BPF --------------------------------------------------------------------------------
    public static final int SECCOMP_RET_KILL_PROCESS = 0x80000000;
    public static final int SECCOMP_RET_ERRNO = 0x00050000;
    public static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    public static final short BPF_LD_W_ABS = 0x20;   // BPF_LD | BPF_W | BPF_ABS
    public static final short BPF_JEQ_K = 0x15;      // BPF_JMP | BPF_JEQ | BPF_K
    public static final short BPF_JGE_K = 0x35;      // BPF_JMP | BPF_JGE | BPF_K
    public static final short BPF_RET_K = 0x06;      // BPF_RET | BPF_K
    /** Offsets in struct seccomp_data { int nr; u32 arch; u64 ip; u64 args[6]; } (args[0] low word: LE only). */
    public static final int SECCOMP_DATA_NR = 0;
    public static final int SECCOMP_DATA_ARCH = 4;
    public static final int SECCOMP_DATA_ARG0_LO = 16;
    public static final int SECCOMP_DATA_ARG1_LO = 24;
    /** struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; } */
    public static final int SOCK_FILTER_SIZE = 8;
    /** struct sock_fprog { unsigned short len; struct sock_filter *filter; } (padded to 16 on 64-bit). */
    public static final StructLayout SOCK_FPROG = MemoryLayout.structLayout(
            JAVA_SHORT.withName("len"), MemoryLayout.paddingLayout(6), ADDRESS.withName("filter"));

    public static final int AF_UNIX = 1;
    public static final int AF_VSOCK = 40;
    /** asm-generic/ioctls.h (x86_64 and aarch64): push a byte into a terminal's input; console tricks. */
    public static final int TIOCSTI = 0x5412;
    public static final int TIOCLINUX = 0x541C;
    public static final int EPERM = 1;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int EINVAL = 22;
    public static final int ENOENT = 2;
    public static final int EEXIST = 17;
    public static final int EISDIR = 21;
    public static final int ENXIO = 6;
    public static final int ELOOP = 40;
    public static final int EXDEV = 18;
    public static final int ENOSYS = 38;

    // ---- landlock ---------------------------------------------------------------------------------------------
    public static final int LANDLOCK_CREATE_RULESET_VERSION = 1;
    public static final int LANDLOCK_RULE_PATH_BENEATH = 1;
    public static final long ACCESS_FS_EXECUTE = 1L << 0;
    public static final long ACCESS_FS_WRITE_FILE = 1L << 1;
    public static final long ACCESS_FS_READ_FILE = 1L << 2;
    public static final long ACCESS_FS_READ_DIR = 1L << 3;
    public static final long ACCESS_FS_REMOVE_DIR = 1L << 4;
    public static final long ACCESS_FS_REMOVE_FILE = 1L << 5;
    public static final long ACCESS_FS_MAKE_CHAR = 1L << 6;
    public static final long ACCESS_FS_MAKE_DIR = 1L << 7;
    public static final long ACCESS_FS_MAKE_REG = 1L << 8;
    public static final long ACCESS_FS_MAKE_SOCK = 1L << 9;
    public static final long ACCESS_FS_MAKE_FIFO = 1L << 10;
    public static final long ACCESS_FS_MAKE_BLOCK = 1L << 11;
    public static final long ACCESS_FS_MAKE_SYM = 1L << 12;
    public static final long ACCESS_FS_REFER = 1L << 13;     // ABI 2
    public static final long ACCESS_FS_TRUNCATE = 1L << 14;  // ABI 3
    public static final long ACCESS_FS_IOCTL_DEV = 1L << 15; // ABI 5
    public static final long SCOPE_ABSTRACT_UNIX_SOCKET = 1L << 0; // ABI 6
    public static final long SCOPE_SIGNAL = 1L << 1;               // ABI 6
    /** struct landlock_ruleset_attr { u64 handled_access_fs; u64 handled_access_net; u64 scoped; } (ABI 6
     *  size). Older kernels accept the larger struct as long as the fields they don't know are zero. */
    public static final StructLayout LANDLOCK_RULESET_ATTR = MemoryLayout.structLayout(
            JAVA_LONG.withName("handled_access_fs"), JAVA_LONG.withName("handled_access_net"),
            JAVA_LONG.withName("scoped"));
    /** struct landlock_path_beneath_attr { u64 allowed_access; s32 parent_fd; } __attribute__((packed)). */
    public static final StructLayout LANDLOCK_PATH_BENEATH_ATTR = MemoryLayout.structLayout(
            JAVA_LONG.withByteAlignment(1).withName("allowed_access"),
            JAVA_INT.withByteAlignment(1).withName("parent_fd"));

    // ---- open(2) flags (generic values, except O_DIRECTORY/O_NOFOLLOW, which differ on aarch64) -----------
    public static final int O_DIRECTORY = X86_64 ? 0x10000 : 0x4000;
    public static final int O_NOFOLLOW = X86_64 ? 0x20000 : 0x8000;
    public static final int O_EXCL = 0x80;
    public static final int MFD_CLOEXEC = 0x1;
    public static final int MFD_ALLOW_SEALING = 0x2;
    public static final int F_ADD_SEALS = 1033;
    public static final int F_SEAL_SEAL = 0x1;
    public static final int F_SEAL_SHRINK = 0x2;
    public static final int F_SEAL_GROW = 0x4;
    public static final int F_SEAL_WRITE = 0x8;
    /** openat2's struct open_how.resolve (linux/openat2.h). */
    public static final long RESOLVE_NO_MAGICLINKS = 0x02;
    public static final long RESOLVE_BENEATH = 0x08;
    /** struct open_how { u64 flags; u64 mode; u64 resolve; } */
    public static final long OPEN_HOW_SIZE = 24;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_NOCTTY = 0x100;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CREAT = 0x40;
    public static final int O_TRUNC = 0x200;
    public static final int O_APPEND = 0x400;
    public static final int O_CLOEXEC = 0x80000;
    public static final int O_PATH = 0x200000;

    // ---- wait / spawn -----------------------------------------------------------------------------------------
    public static final int P_PID = 1;
    public static final int WEXITED = 4;
    public static final int WNOWAIT = 0x01000000;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** glibc >= 2.26: the child calls setsid() before the file actions run. */
    public static final short POSIX_SPAWN_SETSID = 0x80;
    public static final int SIGSTOP = 19;

    // ---- terminals (asm-generic/ioctls.h: the same on x86_64 and aarch64) -------------------------------------
    public static final long TIOCGWINSZ = 0x5413;
    public static final long TIOCSWINSZ = 0x5414;
    /** struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; } */
    public static final long WINSIZE_SIZE = 8;
    /** struct pollfd { int fd; short events; short revents; } */
    public static final long POLLFD_SIZE = 8;
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;
    /** Opaque glibc types, over-allocated so that a larger libc layout still fits. */
    public static final long POSIX_SPAWN_FILE_ACTIONS_SIZE = 256;
    public static final long POSIX_SPAWNATTR_SIZE = 1024;
    public static final long SIGSET_SIZE = 128;
    public static final long SIGINFO_SIZE = 128;

    // ---- downcalls --------------------------------------------------------------------------------------------
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    private static Optional<MethodHandle> find(String name, FunctionDescriptor fd, Linker.Option... opts) {
        return LINKER.defaultLookup().find(name).map(addr -> LINKER.downcallHandle(addr, fd, opts));
    }

    private static MethodHandle require(String name, FunctionDescriptor fd, Linker.Option... opts) {
        return find(name, fd, opts).orElseThrow(() -> new UnsatisfiedLinkError("libc lacks " + name));
    }

    // long syscall(long nr, ...): one handle per arity, as the varargs ABI requires
    private static final MethodHandle SYSCALL3 = require("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL4 = require("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL2 = require("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL_PP = require("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    // long syscall(SYS_openat2, int dirfd, const char *path, struct open_how *how, size_t size)
    private static final MethodHandle SYSCALL_OPENAT2 = require("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle OPENAT = require("openat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO_OPT, Linker.Option.firstVariadicArg(3));
    private static final MethodHandle MKDIRAT = require("mkdirat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle UNLINKAT = require("unlinkat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle READLINK = require("readlink",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), ERRNO_OPT);
    private static final MethodHandle FTRUNCATE = require("ftruncate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), ERRNO_OPT);
    /** glibc >= 2.27; absent, the bubblewrap route gets no seccomp program (its network namespace remains). */
    private static final Optional<MethodHandle> MEMFD_CREATE = find("memfd_create",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle FCNTL_INT = require("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle GETUID = require("getuid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEUID = require("geteuid", FunctionDescriptor.of(JAVA_INT));
    // int prctl(int option, ...)
    private static final MethodHandle PRCTL5 = require("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle PRCTL_PTR = require("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            ERRNO_OPT, Linker.Option.firstVariadicArg(1));
    // int open(const char *path, int flags, ...)
    private static final MethodHandle OPEN = require("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = require("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle PIPE2 = require("pipe2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle READ = require("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPT);
    private static final MethodHandle WRITE = require("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPT);
    private static final MethodHandle POLL = require("poll",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), ERRNO_OPT);
    // int ioctl(int fd, unsigned long request, ...): the pointer is the first variadic argument
    private static final MethodHandle IOCTL_PTR = require("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle POSIX_OPENPT = require("posix_openpt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle GRANTPT = require("grantpt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle UNLOCKPT = require("unlockpt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPT);
    /** Returns an error number rather than setting errno. */
    private static final MethodHandle PTSNAME_R = require("ptsname_r",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle KILL = require("kill",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle WAITID = require("waitid",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle WAITPID = require("waitpid",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    // posix_spawn family: these return an error number rather than setting errno
    private static final MethodHandle SPAWNP = require("posix_spawnp",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle FA_INIT = require("posix_spawn_file_actions_init",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FA_DESTROY = require("posix_spawn_file_actions_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FA_DUP2 = require("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_OPEN = require("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    /** glibc >= 2.29; absent elsewhere, in which case in-process confinement is unavailable. */
    private static final Optional<MethodHandle> FA_CHDIR = find("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    /** glibc >= 2.34: closes every inherited descriptor above stderr, as ProcessBuilder does. */
    private static final Optional<MethodHandle> FA_CLOSEFROM = find("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle ATTR_INIT = require("posix_spawnattr_init",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTR_DESTROY = require("posix_spawnattr_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTR_SETFLAGS = require("posix_spawnattr_setflags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final MethodHandle ATTR_SETSIGMASK = require("posix_spawnattr_setsigmask",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_SETSIGDEFAULT = require("posix_spawnattr_setsigdefault",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    /** Why the spawn half of the in-process mechanism cannot work on this libc, if it cannot. */
    public static Optional<String> spawnUnsupportedReason() {
        if (FA_CHDIR.isEmpty()) return Optional.of("libc lacks posix_spawn_file_actions_addchdir_np (glibc < 2.29)");
        if (FA_CLOSEFROM.isEmpty()) return Optional.of("libc lacks posix_spawn_file_actions_addclosefrom_np (glibc < 2.34)");
        return Optional.empty();
    }

    /** A failed call: the errno and the call that failed. */
    public static final class ErrnoException extends java.io.IOException {
        public final int errno;
        public ErrnoException(String call, int errno) {
            super(call + " failed: errno " + errno + " (" + strerror(errno) + ")");
            this.errno = errno;
        }
    }

    static String strerror(int errno) {
        return switch (errno) {
            case 1 -> "EPERM"; case 2 -> "ENOENT"; case 4 -> "EINTR"; case 9 -> "EBADF"; case 10 -> "ECHILD";
            case 12 -> "ENOMEM"; case 13 -> "EACCES"; case 14 -> "EFAULT"; case 20 -> "ENOTDIR";
            case 5 -> "EIO"; case 11 -> "EAGAIN"; case 22 -> "EINVAL"; case 24 -> "EMFILE"; case 25 -> "ENOTTY";
            case 38 -> "ENOSYS"; case 95 -> "EOPNOTSUPP"; case 6 -> "ENXIO"; case 17 -> "EEXIST";
            case 18 -> "EXDEV"; case 21 -> "EISDIR"; case 40 -> "ELOOP";
            default -> "errno " + errno;
        };
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    // ---- typed wrappers ---------------------------------------------------------------------------------------

    /** landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION): the ABI version, or an exception. */
    public static int landlockAbiVersion() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            long r = (long) SYSCALL3.invokeExact(st, SYS_LANDLOCK_CREATE_RULESET, MemorySegment.NULL, 0L,
                    LANDLOCK_CREATE_RULESET_VERSION);
            if (r < 0) throw new ErrnoException("landlock_create_ruleset(VERSION)", errno(st));
            return (int) r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int landlockCreateRuleset(long handledAccessFs, long scoped) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = a.allocate(LANDLOCK_RULESET_ATTR);
            attr.set(JAVA_LONG, 0, handledAccessFs); // handled_access_net stays 0: seccomp handles network
            attr.set(JAVA_LONG, 16, scoped);
            MemorySegment st = a.allocate(CAPTURE);
            long r = (long) SYSCALL3.invokeExact(st, SYS_LANDLOCK_CREATE_RULESET, attr,
                    LANDLOCK_RULESET_ATTR.byteSize(), 0);
            if (r < 0) throw new ErrnoException("landlock_create_ruleset", errno(st));
            return (int) r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * open(path, O_PATH) + landlock_add_rule(PATH_BENEATH) + close in one arena (rulesets can have many rules).
     * False when the path cannot be opened (vanished, or a device this system lacks).
     */
    public static boolean landlockAddPath(int rulesetFd, String path, long allowedAccess) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(st, a.allocateFrom(path), O_PATH | O_CLOEXEC, 0);
            if (fd < 0) return false;
            try {
                MemorySegment attr = a.allocate(LANDLOCK_PATH_BENEATH_ATTR);
                attr.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, allowedAccess); // packed struct: offsets 0 and 8
                attr.set(ValueLayout.JAVA_INT_UNALIGNED, 8, fd);
                long r = (long) SYSCALL4.invokeExact(st, SYS_LANDLOCK_ADD_RULE, rulesetFd,
                        LANDLOCK_RULE_PATH_BENEATH, attr, 0);
                if (r < 0) throw new ErrnoException("landlock_add_rule(" + path + ")", errno(st));
                return true;
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Restricts the calling thread (only) to the ruleset; inherited by threads and processes it creates. */
    public static void landlockRestrictSelf(int rulesetFd) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            long r = (long) SYSCALL2.invokeExact(st, SYS_LANDLOCK_RESTRICT_SELF, rulesetFd, 0);
            if (r < 0) throw new ErrnoException("landlock_restrict_self", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void setNoNewPrivs() throws ErrnoException {
        prctl("prctl(PR_SET_NO_NEW_PRIVS)", PR_SET_NO_NEW_PRIVS, 1);
    }

    /**
     * Drops every capability of the calling thread for good, so that neither it nor anything it executes
     * (root's execve included) holds or regains one: securebits NOROOT/NO_SETUID_FIXUP/NO_CAP_AMBIENT_RAISE,
     * all locked; the bounding set emptied; ambient cleared; effective, permitted and inheritable zeroed, then
     * verified. A thread that holds capabilities without CAP_SETPCAP cannot empty its bounding set, and a root
     * exec would then regain them: that fails, so the sandbox refuses rather than runs with them.
     * Per-thread like the rest of the confinement: only ever call it on a throw-away thread.
     */
    public static void dropAllCapabilities() throws ErrnoException {
        long[] caps = capget();
        boolean holdsAny = caps[0] != 0 || caps[1] != 0 || caps[2] != 0;
        // Root without capabilities regains its bounding set on exec unless SECBIT_NOROOT says otherwise.
        boolean rootRegains = realOrEffectiveUidIsRoot() && !boundingSetEmpty()
                && (prctl2("prctl(PR_GET_SECUREBITS)", PR_GET_SECUREBITS, 0, 0) & SECBIT_NOROOT) == 0;
        if (holdsAny || rootRegains) {
            int bits = prctl2("prctl(PR_GET_SECUREBITS)", PR_GET_SECUREBITS, 0, 0);
            int wanted = (bits & ~SECBIT_KEEP_CAPS) | SECUREBITS_NO_REGAIN;
            if (bits != wanted) prctl2("prctl(PR_SET_SECUREBITS)", PR_SET_SECUREBITS, wanted, 0);
            dropBoundingSet();
        }
        try {
            prctl2("prctl(PR_CAP_AMBIENT_CLEAR_ALL)", PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0);
        } catch (ErrnoException e) {
            if (e.errno != EINVAL) throw e; // kernels before 4.3 have no ambient set
        }
        capset(0, 0, 0);
        long[] after = capget();
        if (after[0] != 0 || after[1] != 0 || after[2] != 0) {
            throw new ErrnoException("capset (capabilities remained)", EPERM);
        }
    }

    private static boolean realOrEffectiveUidIsRoot() {
        try {
            return (int) GETUID.invokeExact() == 0 || (int) GETEUID.invokeExact() == 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static boolean boundingSetEmpty() throws ErrnoException {
        for (int cap = 0; cap <= MAX_CAPABILITY; cap++) {
            try {
                if (prctl2("prctl(PR_CAPBSET_READ)", PR_CAPBSET_READ, cap, 0) != 0) return false;
            } catch (ErrnoException e) {
                if (e.errno == EINVAL && cap > 0) return true;
                throw e;
            }
        }
        return true;
    }

    /** PR_CAPBSET_DROP for every capability the kernel knows (one arena: 40-odd calls on every spawn). */
    private static void dropBoundingSet() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            for (int cap = 0; cap <= MAX_CAPABILITY; cap++) {
                int r = (int) PRCTL5.invokeExact(st, PR_CAPBSET_DROP, (long) cap, 0L, 0L, 0L);
                if (r == 0) continue;
                int e = errno(st);
                if (e == EINVAL && cap > 0) return; // past the kernel's last capability
                throw new ErrnoException("prctl(PR_CAPBSET_DROP, " + cap + ")", e);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {effective, permitted, inheritable} of the calling thread, 64 bits each. */
    public static long[] capget() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment header = a.allocate(8, 4);
            header.set(JAVA_INT, 0, LINUX_CAPABILITY_VERSION_3);
            MemorySegment data = a.allocate(24, 4); // struct __user_cap_data_struct[2]
            MemorySegment st = a.allocate(CAPTURE);
            long r = (long) SYSCALL_PP.invokeExact(st, SYS_CAPGET, header, data);
            if (r < 0) throw new ErrnoException("capget", errno(st));
            long[] out = new long[3];
            for (int i = 0; i < 3; i++) {
                out[i] = Integer.toUnsignedLong(data.get(JAVA_INT, i * 4)) | ((long) data.get(JAVA_INT, 12 + i * 4) << 32);
            }
            return out;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static void capset(long effective, long permitted, long inheritable) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment header = a.allocate(8, 4);
            header.set(JAVA_INT, 0, LINUX_CAPABILITY_VERSION_3);
            MemorySegment data = a.allocate(24, 4);
            long[] v = {effective, permitted, inheritable};
            for (int i = 0; i < 3; i++) {
                data.set(JAVA_INT, i * 4, (int) v[i]);
                data.set(JAVA_INT, 12 + i * 4, (int) (v[i] >>> 32));
            }
            MemorySegment st = a.allocate(CAPTURE);
            long r = (long) SYSCALL_PP.invokeExact(st, SYS_CAPSET, header, data);
            if (r < 0) throw new ErrnoException("capset", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int prctl2(String what, int option, long arg, long arg2) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) PRCTL5.invokeExact(st, option, arg, arg2, 0L, 0L);
            if (r < 0) throw new ErrnoException(what, errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** 0 when the kernel has seccomp and this thread runs unfiltered; an exception when seccomp is absent. */
    public static int seccompMode() throws ErrnoException {
        return prctl("prctl(PR_GET_SECCOMP)", PR_GET_SECCOMP, 0);
    }

    private static int prctl(String what, int option, long arg) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) PRCTL5.invokeExact(st, option, arg, 0L, 0L, 0L);
            if (r < 0) throw new ErrnoException(what, errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Installs a classic-BPF seccomp filter on the calling thread (no TSYNC: other threads stay free). */
    public static void installSeccompFilter(byte[] program) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment filter = a.allocate(program.length, 8);
            MemorySegment.copy(program, 0, filter, ValueLayout.JAVA_BYTE, 0, program.length);
            MemorySegment prog = a.allocate(SOCK_FPROG);
            prog.set(JAVA_SHORT, 0, (short) (program.length / SOCK_FILTER_SIZE));
            prog.set(ADDRESS, 8, filter);
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) PRCTL_PTR.invokeExact(st, PR_SET_SECCOMP, (long) SECCOMP_MODE_FILTER, prog);
            if (r < 0) throw new ErrnoException("prctl(PR_SET_SECCOMP)", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * openat2(dirfd, path, {flags, mode, resolve}): resolution the kernel keeps beneath {@code dirfd}
     * (RESOLVE_BENEATH: no absolute symlink, no {@code ..} above it, EXDEV otherwise). Linux >= 5.6.
     */
    public static int openat2(int dirfd, String path, int flags, int mode, long resolve) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment how = a.allocate(OPEN_HOW_SIZE, 8);
            how.set(JAVA_LONG, 0, Integer.toUnsignedLong(flags));
            how.set(JAVA_LONG, 8, mode);
            how.set(JAVA_LONG, 16, resolve);
            MemorySegment st = a.allocate(CAPTURE);
            long fd = (long) SYSCALL_OPENAT2.invokeExact(st, SYS_OPENAT2, dirfd, a.allocateFrom(path), how, OPEN_HOW_SIZE);
            if (fd < 0) throw new ErrnoException("openat2(" + path + ")", errno(st));
            return (int) fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * A memfd holding {@code content}, sealed against every change (write, grow, shrink, further seals): a file
     * no other process can alter, reachable as {@code /proc/<our pid>/fd/<fd>}. Close-on-exec.
     */
    public static int sealedMemfd(String name, byte[] content) throws ErrnoException {
        MethodHandle create = MEMFD_CREATE.orElseThrow(() -> new ErrnoException("memfd_create (libc lacks it)", ENOSYS));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int fd = (int) create.invokeExact(st, a.allocateFrom(name), MFD_CLOEXEC | MFD_ALLOW_SEALING);
            if (fd < 0) throw new ErrnoException("memfd_create", errno(st));
            try {
                int off = 0;
                while (off < content.length) {
                    int n = write(fd, content, off, content.length - off);
                    if (n == -EINTR) continue;
                    if (n < 0) throw new ErrnoException("write(memfd)", -n);
                    off += n;
                }
                int seals = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;
                if ((int) FCNTL_INT.invokeExact(st, fd, F_ADD_SEALS, seals) != 0) {
                    throw new ErrnoException("fcntl(F_ADD_SEALS)", errno(st));
                }
                return fd;
            } catch (ErrnoException e) {
                close(fd);
                throw e;
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** openat(dirfd, name, flags, mode). */
    public static int openat(int dirfd, String name, int flags, int mode) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int fd = (int) OPENAT.invokeExact(st, dirfd, a.allocateFrom(name), flags, mode);
            if (fd < 0) throw new ErrnoException("openat(" + name + ")", errno(st));
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void mkdirat(int dirfd, String name, int mode) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            if ((int) MKDIRAT.invokeExact(st, dirfd, a.allocateFrom(name), mode) != 0) {
                throw new ErrnoException("mkdirat(" + name + ")", errno(st));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** unlinkat(dirfd, name, 0): removes a non-directory entry (a symlink itself, never its target). */
    public static void unlinkat(int dirfd, String name) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            if ((int) UNLINKAT.invokeExact(st, dirfd, a.allocateFrom(name), 0) != 0) {
                throw new ErrnoException("unlinkat(" + name + ")", errno(st));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The path an open descriptor refers to now ({@code /proc/self/fd/N}), whatever happened to its name since. */
    public static String pathOf(int fd) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(4097);
            MemorySegment st = a.allocate(CAPTURE);
            long n = (long) READLINK.invokeExact(st, a.allocateFrom("/proc/self/fd/" + fd), buf, 4096L);
            if (n < 0) throw new ErrnoException("readlink(/proc/self/fd/" + fd + ")", errno(st));
            byte[] bytes = buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void ftruncate(int fd, long length) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            if ((int) FTRUNCATE.invokeExact(st, fd, length) != 0) throw new ErrnoException("ftruncate", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int open(String path, int flags, int mode) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(st, a.allocateFrom(path), flags, mode);
            if (fd < 0) throw new ErrnoException("open(" + path + ")", errno(st));
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pipe2(O_CLOEXEC): {readEnd, writeEnd}. */
    public static int[] pipe() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) PIPE2.invokeExact(st, fds, O_CLOEXEC);
            if (r < 0) throw new ErrnoException("pipe2", errno(st));
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void kill(int pid, int signal) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) KILL.invokeExact(st, pid, signal);
            if (r < 0) throw new ErrnoException("kill", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Blocks until the child has exited, without reaping it (so its pid cannot be reused meanwhile). */
    public static void waitExitedNoReap(int pid) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment info = a.allocate(SIGINFO_SIZE, 8);
            MemorySegment st = a.allocate(CAPTURE);
            while (true) {
                int r = (int) WAITID.invokeExact(st, P_PID, pid, info, WEXITED | WNOWAIT);
                if (r == 0) return;
                int e = errno(st);
                if (e != EINTR) throw new ErrnoException("waitid", e);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reaps an exited child; returns the exit code, or 128+signal as ProcessBuilder reports it. */
    public static int reap(int pid) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment status = a.allocate(JAVA_INT);
            MemorySegment st = a.allocate(CAPTURE);
            while (true) {
                int r = (int) WAITPID.invokeExact(st, pid, status, 0);
                if (r == pid) break;
                int e = errno(st);
                if (e != EINTR) throw new ErrnoException("waitpid", e);
            }
            int s = status.get(JAVA_INT, 0);
            int termsig = s & 0x7f;
            return termsig == 0 ? (s >> 8) & 0xff : 0x80 + termsig;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * One posix_spawnp: argv[0] is searched on the parent's PATH, as ProcessBuilder does. With a {@code terminal}
     * (a pty slave's path) the stdio descriptors are ignored: the child starts a new session and opens the
     * terminal onto 0/1/2, which makes it the session's controlling terminal.
     */
    public record SpawnRequest(String[] argv, String[] envp, String directory, int stdin, int stdout, int stderr,
                               String terminal) {
        public SpawnRequest(String[] argv, String[] envp, String directory, int stdin, int stdout, int stderr) {
            this(argv, envp, directory, stdin, stdout, stderr, null);
        }
    }

    /**
     * posix_spawnp with stdio descriptors dup'ed to 0/1/2 (-1 keeps the inherited one) or a terminal opened
     * there, every other descriptor closed, the signal mask cleared and the working directory set. Returns the
     * pid.
     */
    public static int spawn(SpawnRequest req) throws ErrnoException {
        MethodHandle chdir = FA_CHDIR.orElseThrow();
        MethodHandle closefrom = FA_CLOSEFROM.orElseThrow();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fa = a.allocate(POSIX_SPAWN_FILE_ACTIONS_SIZE, 16);
            MemorySegment attr = a.allocate(POSIX_SPAWNATTR_SIZE, 16);
            check("posix_spawn_file_actions_init", (int) FA_INIT.invokeExact(fa));
            try {
                check("posix_spawnattr_init", (int) ATTR_INIT.invokeExact(attr));
                try {
                    short flags = POSIX_SPAWN_SETSIGMASK;
                    if (req.terminal() != null) {
                        // setsid() runs before the file actions, so this open (no O_NOCTTY) acquires the terminal.
                        check("addopen", (int) FA_OPEN.invokeExact(fa, 0, a.allocateFrom(req.terminal()), O_RDWR, 0));
                        check("adddup2", (int) FA_DUP2.invokeExact(fa, 0, 1));
                        check("adddup2", (int) FA_DUP2.invokeExact(fa, 0, 2));
                        // A daemon started in the background may ignore SIGINT/SIGQUIT/SIGHUP; a terminal's
                        // programs must not (^C, hangup), so every catchable signal starts at its default.
                        MemorySegment all = a.allocate(SIGSET_SIZE, 8);
                        long bits = 0;
                        for (int sig = 1; sig <= 31; sig++) if (sig != SIGKILL && sig != SIGSTOP) bits |= 1L << (sig - 1);
                        all.set(JAVA_LONG, 0, bits);
                        check("setsigdefault", (int) ATTR_SETSIGDEFAULT.invokeExact(attr, all));
                        flags |= POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF;
                    } else {
                        int[] fds = {req.stdin(), req.stdout(), req.stderr()};
                        for (int target = 0; target < 3; target++) {
                            if (fds[target] >= 0) {
                                check("adddup2", (int) FA_DUP2.invokeExact(fa, fds[target], target));
                            }
                        }
                    }
                    check("addclosefrom", (int) closefrom.invokeExact(fa, 3));
                    check("addchdir", (int) chdir.invokeExact(fa, a.allocateFrom(req.directory())));
                    MemorySegment emptyMask = a.allocate(SIGSET_SIZE, 8); // zeroed = empty set
                    check("setsigmask", (int) ATTR_SETSIGMASK.invokeExact(attr, emptyMask));
                    check("setflags", (int) ATTR_SETFLAGS.invokeExact(attr, flags));
                    MemorySegment pid = a.allocate(JAVA_INT);
                    int err = (int) SPAWNP.invokeExact(pid, a.allocateFrom(req.argv()[0]), fa, attr,
                            stringArray(a, req.argv()), stringArray(a, req.envp()));
                    if (err != 0) throw new ErrnoException("posix_spawnp", err);
                    return pid.get(JAVA_INT, 0);
                } finally {
                    int ignored = (int) ATTR_DESTROY.invokeExact(attr);
                }
            } finally {
                int ignored = (int) FA_DESTROY.invokeExact(fa);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- terminals ------------------------------------------------------------------------------------------

    /** A pseudo-terminal's master descriptor and the path of its slave. */
    public record OpenedPty(int masterFd, String slavePath) {}

    /**
     * A new pseudo-terminal. The master is close-on-exec, non-blocking and no controlling terminal of ours;
     * the slave is unlocked for the child to open.
     */
    public static OpenedPty openPty() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int fd = (int) POSIX_OPENPT.invokeExact(st, O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
            if (fd < 0) throw new ErrnoException("posix_openpt", errno(st));
            try {
                if ((int) GRANTPT.invokeExact(st, fd) != 0) throw new ErrnoException("grantpt", errno(st));
                if ((int) UNLOCKPT.invokeExact(st, fd) != 0) throw new ErrnoException("unlockpt", errno(st));
                MemorySegment name = a.allocate(256);
                int err = (int) PTSNAME_R.invokeExact(fd, name, 256L);
                if (err != 0) throw new ErrnoException("ptsname_r", err);
                return new OpenedPty(fd, name.getString(0));
            } catch (ErrnoException e) {
                close(fd);
                throw e;
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** ioctl(TIOCSWINSZ): on a pty master this also signals SIGWINCH to the terminal's foreground group. */
    public static void setWindowSize(int fd, int rows, int cols) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ws = a.allocate(WINSIZE_SIZE, 2);
            ws.set(JAVA_SHORT, 0, (short) rows);
            ws.set(JAVA_SHORT, 2, (short) cols);
            MemorySegment st = a.allocate(CAPTURE);
            if ((int) IOCTL_PTR.invokeExact(st, fd, TIOCSWINSZ, ws) != 0) {
                throw new ErrnoException("ioctl(TIOCSWINSZ)", errno(st));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** ioctl(TIOCGWINSZ): {rows, cols}. */
    public static int[] windowSize(int fd) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ws = a.allocate(WINSIZE_SIZE, 2);
            MemorySegment st = a.allocate(CAPTURE);
            if ((int) IOCTL_PTR.invokeExact(st, fd, TIOCGWINSZ, ws) != 0) {
                throw new ErrnoException("ioctl(TIOCGWINSZ)", errno(st));
            }
            return new int[] {Short.toUnsignedInt(ws.get(JAVA_SHORT, 0)), Short.toUnsignedInt(ws.get(JAVA_SHORT, 2))};
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * poll() on up to two descriptors for {@code events} each (-1 skips one), retrying EINTR; returns the
     * revents of each. {@code timeoutMs} -1 waits forever.
     */
    public static short[] poll(int fd1, short events1, int fd2, short events2, int timeoutMs) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(POLLFD_SIZE * 2, 4);
            fds.set(JAVA_INT, 0, fd1);
            fds.set(JAVA_SHORT, 4, events1);
            fds.set(JAVA_INT, 8, fd2);
            fds.set(JAVA_SHORT, 12, events2);
            MemorySegment st = a.allocate(CAPTURE);
            while (true) {
                int r = (int) POLL.invokeExact(st, fds, 2L, timeoutMs);
                if (r >= 0) return new short[] {fds.get(JAVA_SHORT, 6), fds.get(JAVA_SHORT, 14)};
                int e = errno(st);
                if (e != EINTR) throw new ErrnoException("poll", e);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * read() into {@code buf} (at most its size and {@code out.length}), copied to {@code out}: the count, 0 at end
     * of file, -errno on failure (EAGAIN and EIO are expected on a pty master).
     */
    public static int read(int fd, MemorySegment buf, byte[] out) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            long n = (long) READ.invokeExact(st, fd, buf, Math.min(buf.byteSize(), (long) out.length));
            if (n < 0) return -errno(st);
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, out, 0, (int) n);
            return (int) n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** write(): the count written, -errno on failure. */
    public static int write(int fd, byte[] b, int off, int len) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, len));
            MemorySegment.copy(b, off, buf, ValueLayout.JAVA_BYTE, 0, len);
            MemorySegment st = a.allocate(CAPTURE);
            long n = (long) WRITE.invokeExact(st, fd, buf, (long) len);
            return n < 0 ? -errno(st) : (int) n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static void check(String what, int err) throws ErrnoException {
        if (err != 0) throw new ErrnoException(what, err);
    }

    private static MemorySegment stringArray(Arena a, String[] strings) {
        MemorySegment arr = a.allocate(ADDRESS, strings.length + 1L); // NULL-terminated, zeroed
        for (int i = 0; i < strings.length; i++) {
            arr.setAtIndex(ADDRESS, i, a.allocateFrom(strings[i]));
        }
        return arr;
    }
}
