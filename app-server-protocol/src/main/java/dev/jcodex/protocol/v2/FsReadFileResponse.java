package dev.jcodex.protocol.v2;

public record FsReadFileResponse(String dataBase64) {}
