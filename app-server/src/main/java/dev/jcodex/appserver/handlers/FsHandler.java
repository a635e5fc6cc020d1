package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.ErrorCodes;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.MessageLimits;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.FsCopyParams;
import dev.jcodex.protocol.v2.FsCreateDirectoryParams;
import dev.jcodex.protocol.v2.FsGetMetadataResponse;
import dev.jcodex.protocol.v2.FsPathParams;
import dev.jcodex.protocol.v2.FsReadDirectoryResponse;
import dev.jcodex.protocol.v2.FsReadFileResponse;
import dev.jcodex.protocol.v2.FsRemoveParams;
import dev.jcodex.protocol.v2.FsUnwatchParams;
import dev.jcodex.protocol.v2.FsWatchParams;
import dev.jcodex.protocol.v2.FsWatchResponse;
import dev.jcodex.protocol.v2.FsWriteFileParams;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * fs/* methods: plain file operations for clients that cannot touch the daemon's file system themselves
 * (a browser over the socket bridge). Absolute paths only; I/O failures answer -32603 with the OS reason.
 */
public final class FsHandler {
    static final long MAX_READ_BYTES = MessageLimits.MAX_READ_FILE_BYTES;
    /** Deeper source trees are refused: no copy recurses without bound (a destination inside its source). */
    static final int MAX_COPY_DEPTH = 512;

    /** In-order on the connection's processor: a writeFile followed by a readFile must see the write. */
    public void register(Dispatcher d) {
        d.on(ClientRequests.FS_READ_FILE, this::readFile);
        d.on(ClientRequests.FS_WRITE_FILE, this::writeFile);
        d.on(ClientRequests.FS_CREATE_DIRECTORY, this::createDirectory);
        d.on(ClientRequests.FS_GET_METADATA, this::getMetadata);
        d.on(ClientRequests.FS_READ_DIRECTORY, this::readDirectory);
        d.on(ClientRequests.FS_REMOVE, this::remove);
        d.on(ClientRequests.FS_COPY, this::copy);
        d.on(ClientRequests.FS_WATCH, this::watch);
        d.on(ClientRequests.FS_UNWATCH, this::unwatch);
    }

    /**
     * Regular files only, at most {@link MessageLimits#MAX_READ_FILE_BYTES}: a device (/dev/zero), a FIFO or a
     * socket is refused without blocking the connection's requests (see {@link RegularFiles}).
     */
    FsReadFileResponse readFile(JsonRpcConnection c, FsPathParams p) {
        Path path = abs("path", p.path());
        return io(() -> new FsReadFileResponse(Base64.getEncoder().encodeToString(RegularFiles.read(path, MAX_READ_BYTES))));
    }

    EmptyResponse writeFile(JsonRpcConnection c, FsWriteFileParams p) {
        Path path = abs("path", p.path());
        byte[] data;
        try {
            data = Base64.getDecoder().decode(p.dataBase64());
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams("Invalid params for fs/writeFile: `dataBase64` is not valid base64: " + e.getMessage());
        }
        return io(() -> {
            RegularFiles.write(path, data);
            return EmptyResponse.INSTANCE;
        });
    }

    EmptyResponse createDirectory(JsonRpcConnection c, FsCreateDirectoryParams p) {
        Path path = abs("path", p.path());
        boolean recursive = p.recursive() == null || p.recursive();
        return io(() -> {
            if (recursive) {
                if (Files.exists(path) && !Files.isDirectory(path)) throw new FileAlreadyExistsException(path.toString());
                Files.createDirectories(path);
            } else {
                Files.createDirectory(path);
            }
            return EmptyResponse.INSTANCE;
        });
    }

    FsGetMetadataResponse getMetadata(JsonRpcConnection c, FsPathParams p) {
        Path path = abs("path", p.path());
        return io(() -> {
            boolean symlink = Files.isSymbolicLink(path);
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            // Linux file systems without a birth time report the modification time as creation time: say 0.
            long created = a.creationTime().equals(a.lastModifiedTime()) ? 0 : a.creationTime().toMillis();
            return new FsGetMetadataResponse(a.isDirectory(), a.isRegularFile(), symlink, created, a.lastModifiedTime().toMillis());
        });
    }

    /**
     * Every entry, in one reply: a directory whose listing would not fit in one message (millions of entries) is
     * refused rather than listed into the heap.
     */
    FsReadDirectoryResponse readDirectory(JsonRpcConnection c, FsPathParams p) {
        Path path = abs("path", p.path());
        return io(() -> {
            List<FsReadDirectoryResponse.Entry> entries = new ArrayList<>();
            long replyBytes = 0;
            try (Stream<Path> s = Files.list(path)) {
                for (Path e : (Iterable<Path>) s::iterator) {
                    replyBytes += e.getFileName().toString().length() * 2L + 64; // worst-case escaping, and the keys
                    if (replyBytes > MessageLimits.MAX_MESSAGE_BYTES) {
                        throw new RegularFiles.Refused("fs/readDirectory: " + path + " has more entries than fit in one reply ("
                                + entries.size() + " listed before the limit of " + MessageLimits.MAX_MESSAGE_BYTES + " bytes)");
                    }
                    entries.add(new FsReadDirectoryResponse.Entry(e.getFileName().toString(), Files.isDirectory(e),
                            Files.isRegularFile(e)));
                }
            }
            return new FsReadDirectoryResponse(entries);
        });
    }

    EmptyResponse remove(JsonRpcConnection c, FsRemoveParams p) {
        Path path = abs("path", p.path());
        boolean recursive = p.recursive() == null || p.recursive();
        boolean force = p.force() == null || p.force();
        return io(() -> {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                if (force) return EmptyResponse.INSTANCE;
                throw new NoSuchFileException(path.toString());
            }
            if (recursive && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) deleteTree(path);
            else Files.delete(path);
            return EmptyResponse.INSTANCE;
        });
    }

    EmptyResponse copy(JsonRpcConnection c, FsCopyParams p) {
        Path from = abs("sourcePath", p.sourcePath());
        Path to = abs("destinationPath", p.destinationPath());
        boolean recursive = Boolean.TRUE.equals(p.recursive());
        return io(() -> {
            if (Files.isDirectory(from)) {
                if (!recursive) {
                    throw new RegularFiles.Refused("fs/copy requires recursive: true when sourcePath is a directory");
                }
                // By real path: a destination reached through a symlink into the source would otherwise be
                // copied into itself again and again.
                Path realFrom = from.toRealPath();
                Path realTo = realPathForCreate(to);
                if (realTo.startsWith(realFrom)) {
                    throw new RegularFiles.Refused("fs/copy cannot copy a directory into itself: " + to
                            + (realTo.equals(to) ? "" : " (" + realTo + ")") + " is inside " + from);
                }
                copyTree(from, to);
            } else {
                if (Files.exists(from) && !Files.isRegularFile(from)) {
                    throw new RegularFiles.Refused("fs/copy: " + from + " is not a regular file or a directory");
                }
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return EmptyResponse.INSTANCE;
        });
    }

    /** The real path {@code p} would have once created: its deepest existing ancestor resolved, the rest appended. */
    static Path realPathForCreate(Path p) throws IOException {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return p;
        return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    }

    FsWatchResponse watch(JsonRpcConnection c, FsWatchParams p) {
        Path path = abs("path", p.path());
        FsWatches.of(c).watch(p.watchId(), path);
        return new FsWatchResponse(path.toString());
    }

    EmptyResponse unwatch(JsonRpcConnection c, FsUnwatchParams p) {
        FsWatches.of(c).unwatch(p.watchId());
        return EmptyResponse.INSTANCE;
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            private int depth;

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                if (++depth > MAX_COPY_DEPTH) {
                    throw new FileSystemException(d.toString(), null, "directory tree deeper than " + MAX_COPY_DEPTH + " levels");
                }
                Path target = to.resolve(from.relativize(d).toString());
                if (!Files.isDirectory(target)) Files.createDirectory(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                depth--;
                if (e != null) throw e;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                // Regular files and symlinks (copied as links); a FIFO or device inside the tree would block or
                // never end (Files.copy reads it to EOF), so it is skipped.
                if (!a.isRegularFile() && !a.isSymbolicLink()) return FileVisitResult.CONTINUE;
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Path abs(String field, String value) { return CommandExecHandler.absolute(field, value); }

    private interface IoCall<T> {
        T call() throws IOException, RegularFiles.Refused;
    }

    /**
     * Runs an I/O operation; failures become -32603 with the OS's reason, as Codex reports them, and a path
     * that is the wrong kind of file (or too large) -32600 naming it.
     */
    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new RpcException(ErrorCodes.INTERNAL_ERROR, describe(e));
        } catch (RegularFiles.Refused e) {
            throw RpcException.invalidRequest(e.getMessage());
        }
    }

    static String describe(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException x -> "No such file or directory";
            case FileAlreadyExistsException x -> "File exists";
            case DirectoryNotEmptyException x -> "Directory not empty";
            case NotDirectoryException x -> "Not a directory";
            case AccessDeniedException x -> "Permission denied";
            case FileSystemException x -> x.getReason() != null ? x.getReason() : "I/O error";
            default -> e.getMessage();
        };
        String file = e instanceof FileSystemException f && f.getFile() != null ? ": " + f.getFile() : "";
        return reason + file;
    }
}
