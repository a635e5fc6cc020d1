package dev.jcodex.sandbox.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static dev.jcodex.sandbox.linux.Syscalls.*;

/**
 * The seccomp program of every confined command (workspace-write and read-only), as Codex's Linux helper
 * builds it, denials answering EPERM so a client sees "Operation not permitted":
 * <ul>
 * <li>always: a foreign architecture is killed (i386 via int 0x80 uses other numbers) and on x86_64 the x32 ABI
 *     denied (same arch tag, other numbers); io_uring denied (its IORING_OP_SOCKET/CONNECT would bypass the
 *     socket checks); {@code socket}/{@code socketpair} of AF_VSOCK denied (host services outside every
 *     namespace); {@code ioctl} TIOCSTI and TIOCLINUX denied (keystrokes pushed into a terminal outside the
 *     sandbox, the console's selection/paste tricks), which bubblewrap's {@code --new-session} prevents only
 *     for the terminal it detaches from;</li>
 * <li>with the network off: {@code socket}/{@code socketpair} only for AF_UNIX, and connect, accept, accept4,
 *     bind, listen, getpeername, getsockname, shutdown, sendto, sendmmsg, recvmmsg, getsockopt, setsockopt,
 *     ptrace, process_vm_readv and process_vm_writev denied outright, AF_UNIX included (a path-based socket
 *     such as docker.sock or a session bus would otherwise reach a service outside the sandbox). recvfrom,
 *     sendmsg and recvmsg stay allowed so that a socketpair shared with a child keeps working.</li>
 * </ul>
 */
public final class SeccompFilter {
    private SeccompFilter() {}

    private static final int ERRNO_EPERM = SECCOMP_RET_ERRNO | EPERM;

    /** Syscalls denied whole when the network is off. */
    private static final int[] NETWORK_OFF_DENIED = {
            SYS_CONNECT, SYS_ACCEPT, SYS_ACCEPT4, SYS_BIND, SYS_LISTEN, SYS_GETPEERNAME, SYS_GETSOCKNAME,
            SYS_SHUTDOWN, SYS_SENDTO, SYS_SENDMMSG, SYS_RECVMMSG, SYS_GETSOCKOPT, SYS_SETSOCKOPT,
            SYS_PTRACE, SYS_PROCESS_VM_READV, SYS_PROCESS_VM_WRITEV};

    /** The program for a confined command, as the bytes of a struct sock_filter[] in native (little-endian) order. */
    public static byte[] forCommand(boolean networkOff) {
        Asm a = new Asm();
        a.load(SECCOMP_DATA_ARCH);
        a.jumpIfEqual(AUDIT_ARCH, "native", null);
        a.ret(SECCOMP_RET_KILL_PROCESS);
        a.label("native");
        a.load(SECCOMP_DATA_NR);
        if (X86_64) a.jumpIfAtLeast(X32_SYSCALL_BIT, "deny", null);
        a.jumpIfEqual(SYS_IOCTL, "ioctl", null);
        a.jumpIfEqual(SYS_SOCKET, "domain", null);
        a.jumpIfEqual(SYS_SOCKETPAIR, "domain", null);
        a.jumpIfEqual(SYS_IO_URING_SETUP, "deny", null);
        a.jumpIfEqual(SYS_IO_URING_ENTER, "deny", null);
        a.jumpIfEqual(SYS_IO_URING_REGISTER, "deny", null);
        if (networkOff) {
            for (int nr : NETWORK_OFF_DENIED) a.jumpIfEqual(nr, "deny", null);
        }
        a.ret(SECCOMP_RET_ALLOW);
        a.label("ioctl");
        // The kernel takes the request as an unsigned int: the low word is all that counts.
        a.load(SECCOMP_DATA_ARG1_LO);
        a.jumpIfEqual(TIOCSTI, "deny", null);
        a.jumpIfEqual(TIOCLINUX, "deny", "allow");
        a.label("domain");
        a.load(SECCOMP_DATA_ARG0_LO);
        if (networkOff) {
            a.jumpIfEqual(AF_UNIX, "allow", "deny");
        } else {
            a.jumpIfEqual(AF_VSOCK, "deny", "allow");
        }
        a.label("allow");
        a.ret(SECCOMP_RET_ALLOW);
        a.label("deny");
        a.ret(ERRNO_EPERM);
        return a.assemble();
    }

    /** The network-off program (bubblewrap's {@code --seccomp}, and the sandbox's dry run). */
    public static byte[] denyNetwork() {
        return forCommand(true);
    }

    /** A tiny classic-BPF assembler: forward jumps by label, resolved to the 8-bit relative offsets. */
    private static final class Asm {
        private record Insn(short code, String jt, String jf, int k) {}
        private final List<Insn> insns = new ArrayList<>();
        private final java.util.Map<String, Integer> labels = new java.util.HashMap<>();

        void load(int offset) { insns.add(new Insn(BPF_LD_W_ABS, null, null, offset)); }
        void ret(int value) { insns.add(new Insn(BPF_RET_K, null, null, value)); }
        void label(String name) { labels.put(name, insns.size()); }
        /** Jumps to {@code jt} when A == k, else to {@code jf} (null = fall through). */
        void jumpIfEqual(int k, String jt, String jf) { insns.add(new Insn(BPF_JEQ_K, jt, jf, k)); }
        void jumpIfAtLeast(int k, String jt, String jf) { insns.add(new Insn(BPF_JGE_K, jt, jf, k)); }

        byte[] assemble() {
            ByteBuffer buf = ByteBuffer.allocate(insns.size() * SOCK_FILTER_SIZE).order(ByteOrder.nativeOrder());
            for (int i = 0; i < insns.size(); i++) {
                Insn in = insns.get(i);
                buf.putShort(in.code()).put(offset(i, in.jt())).put(offset(i, in.jf())).putInt(in.k());
            }
            return buf.array();
        }

        private byte offset(int from, String label) {
            if (label == null) return 0;
            int rel = labels.get(label) - from - 1;
            if (rel < 0 || rel > 255) throw new IllegalStateException("BPF jump out of range: " + label);
            return (byte) rel;
        }
    }
}
