package dev.jcodex.protocol.v2;

public record GitInfo(String sha, String branch, String originUrl) {}
