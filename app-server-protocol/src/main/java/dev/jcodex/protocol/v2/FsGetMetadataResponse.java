package dev.jcodex.protocol.v2;

/** {@code createdAtMs} is 0 where the file system does not record a birth time. */
public record FsGetMetadataResponse(boolean isDirectory, boolean isFile, boolean isSymlink, long createdAtMs,
                                    long modifiedAtMs) {}
