package dev.jcodex.protocol.v2;

import java.util.List;

public record FsReadDirectoryResponse(List<Entry> entries) {
    public record Entry(String fileName, boolean isDirectory, boolean isFile) {}
}
