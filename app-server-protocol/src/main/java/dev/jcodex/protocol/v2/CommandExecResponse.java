package dev.jcodex.protocol.v2;

/** Exit code 124 on timeout, 128+signal when killed; streams are empty when they were streamed. */
public record CommandExecResponse(int exitCode, String stdout, String stderr) {}
