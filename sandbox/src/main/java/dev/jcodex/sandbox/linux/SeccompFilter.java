package dev.jcodex.sandbox.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static dev.jcodex.sandbox.linux.Syscalls.*;

/**
 * The no-network seccomp program: socket()/socketpair() only for AF_UNIX (EPERM otherwise, so a client sees
 * "Operation not permitted" rather than a refused connection), io_uring denied (its IORING_OP_SOCKET/CONNECT
 * would bypass the socket() check), foreign architectures killed (i386 via int 0x80 uses other numbers), and on
 * x86_64 the x32 ABI denied (same arch tag, different numbers).
 */
public final class SeccompFilter {
    private SeccompFilter() {}

    private static final int ERRNO_EPERM = SECCOMP_RET_ERRNO | EPERM;

    /** The program as the bytes of a struct sock_filter[] in native (little-endian) order. */
    public static byte[] denyNetwork() {
        Asm a = new Asm();
        a.load(SECCOMP_DATA_ARCH);
        a.jumpIfEqual(AUDIT_ARCH, "native", null);
        a.ret(SECCOMP_RET_KILL_PROCESS);
        a.label("native");
        a.load(SECCOMP_DATA_NR);
        if (X86_64) a.jumpIfAtLeast(X32_SYSCALL_BIT, "deny", null);
        a.jumpIfEqual(SYS_SOCKET, "domain", null);
        a.jumpIfEqual(SYS_SOCKETPAIR, "domain", null);
        a.jumpIfEqual(SYS_IO_URING_SETUP, "deny", null);
        a.jumpIfEqual(SYS_IO_URING_ENTER, "deny", null);
        a.jumpIfEqual(SYS_IO_URING_REGISTER, "deny", null);
        a.ret(SECCOMP_RET_ALLOW);
        a.label("domain");
        a.load(SECCOMP_DATA_ARG0_LO);
        a.jumpIfEqual(AF_UNIX, "allow", "deny");
        a.label("allow");
        a.ret(SECCOMP_RET_ALLOW);
        a.label("deny");
        a.ret(ERRNO_EPERM);
        return a.assemble();
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
