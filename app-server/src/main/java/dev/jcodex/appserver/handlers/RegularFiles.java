package dev.jcodex.appserver.handlers;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Whole-file reads and writes for fs/readFile and fs/writeFile, on regular files only and never blocking: the
 * path is opened with O_NONBLOCK (a FIFO with no peer would otherwise block open(2) forever, and with it the
 * connection's requests), the type is checked on the descriptor that was opened (through /proc/self/fd, so a
 * path swapped after the check cannot change what is touched), and a read stops one byte past its cap
 * whatever the size said (a file growing under us). Devices, FIFOs and sockets are refused.
 */
final class RegularFiles {
    private RegularFiles() {}

    /** Why a path cannot be read: not a regular file, or larger than the cap. Maps to a client error. */
    static final class Refused extends Exception {
        Refused(String message) { super(message, null, false, false); }
    }

    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0x40;
    private static final int O_NOCTTY = 0x100;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN;
    private static final MethodHandle READ;
    private static final MethodHandle WRITE;
    private static final MethodHandle FTRUNCATE;
    private static final MethodHandle CLOSE;
    private static final MethodHandle STRERROR;

    static {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        OPEN = linker.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                errno, Linker.Option.firstVariadicArg(2));
        READ = linker.downcallHandle(libc.find("read").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                errno);
        WRITE = linker.downcallHandle(libc.find("write").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                errno);
        FTRUNCATE = linker.downcallHandle(libc.find("ftruncate").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG), errno);
        CLOSE = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        STRERROR = linker.downcallHandle(libc.find("strerror").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    }

    static byte[] read(Path path, long cap) throws IOException, Refused {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path.toString()),
                    O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
            if (fd < 0) throw failure(path, (int) ERRNO.get(state, 0L));
            try {
                BasicFileAttributes a = attributesOf(fd, path);
                if (a.isDirectory()) throw new Refused("fs/readFile: " + path + " is a directory");
                if (!a.isRegularFile()) {
                    throw new Refused("fs/readFile: " + path + " is not a regular file (devices, FIFOs and sockets are not read)");
                }
                if (a.size() > cap) throw tooLarge(path, cap);
                return readAll(fd, path, a.size(), cap, arena, state);
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (IOException | Refused | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("fs/readFile: " + t, t);
        }
    }

    /**
     * Replaces the contents of {@code path} (created 0666 & ~umask when missing), as Files.write does, but only
     * if it is a regular file: O_TRUNC is not used so a device is never truncated before the check.
     */
    static void write(Path path, byte[] data) throws IOException, Refused {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path.toString()),
                    O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0666);
            if (fd < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                // ENXIO: a FIFO with no reader (O_NONBLOCK); EISDIR: a directory
                if (errno == 6) throw new Refused("fs/writeFile: " + path + " is not a regular file");
                if (errno == 21) throw new Refused("fs/writeFile: " + path + " is a directory");
                throw failure(path, errno);
            }
            try {
                if (!attributesOf(fd, path).isRegularFile()) {
                    throw new Refused("fs/writeFile: " + path + " is not a regular file (devices, FIFOs and sockets are not written)");
                }
                if ((int) FTRUNCATE.invokeExact(state, fd, 0L) < 0) throw failure(path, (int) ERRNO.get(state, 0L));
                MemorySegment buf = arena.allocate(Math.max(1, Math.min(data.length, 1024 * 1024)));
                int off = 0;
                while (off < data.length) {
                    int n = (int) Math.min(buf.byteSize(), data.length - off);
                    MemorySegment.copy(data, off, buf, ValueLayout.JAVA_BYTE, 0, n);
                    int done = 0;
                    while (done < n) {
                        long w = (long) WRITE.invokeExact(state, fd, buf.asSlice(done), (long) (n - done));
                        if (w < 0) {
                            int errno = (int) ERRNO.get(state, 0L);
                            if (errno == EINTR) continue;
                            throw failure(path, errno);
                        }
                        done += (int) w;
                    }
                    off += n;
                }
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (IOException | Refused | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("fs/writeFile: " + t, t);
        }
    }

    static Refused tooLarge(Path path, long cap) {
        return new Refused("fs/readFile: " + path + " is larger than the limit of " + cap + " bytes");
    }

    /** The attributes of the opened file itself; the path's only where /proc is not mounted. */
    private static BasicFileAttributes attributesOf(int fd, Path path) throws IOException {
        Path self = Path.of("/proc/self/fd/" + fd);
        try {
            return Files.readAttributes(self, BasicFileAttributes.class);
        } catch (IOException noProc) {
            return Files.readAttributes(path, BasicFileAttributes.class);
        }
    }

    private static byte[] readAll(int fd, Path path, long expected, long cap, Arena arena, MemorySegment state)
            throws Throwable {
        int chunk = 64 * 1024;
        MemorySegment buf = arena.allocate(chunk);
        byte[] out = new byte[(int) Math.min(Math.max(expected, 0) + 1, cap + 1)];
        int len = 0;
        while (true) {
            long want = Math.min(chunk, cap + 1 - len);
            if (want <= 0) throw tooLarge(path, cap);
            long n = (long) READ.invokeExact(state, fd, buf, want);
            if (n == 0) break;
            if (n < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == EINTR) continue;
                if (errno == EAGAIN) break; // a regular file never says this; never spin on anything else
                throw failure(path, errno);
            }
            if (len + n > out.length) out = Arrays.copyOf(out, (int) Math.min(cap + 1, Math.max(out.length * 2L, len + n)));
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, out, len, (int) n);
            len += (int) n;
            if (len > cap) throw tooLarge(path, cap);
        }
        return len == out.length ? out : Arrays.copyOf(out, len);
    }

    /** The errno as the same exceptions java.nio.file throws, so FsHandler words it as for the other fs/* calls. */
    private static IOException failure(Path path, int errno) {
        return switch (errno) {
            case 2 -> new NoSuchFileException(path.toString());
            case 13, 1 -> new AccessDeniedException(path.toString());
            case 20 -> new NotDirectoryException(path.toString());
            default -> new FileSystemException(path.toString(), null, strerror(errno));
        };
    }

    private static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
