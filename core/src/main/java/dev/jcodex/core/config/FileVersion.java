package dev.jcodex.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256:<hex>} of a config file's bytes: the version clients pass back as expectedVersion. */
public final class FileVersion {
    private FileVersion() {}

    public static String of(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of {@code file}; a missing file has the version of empty content. */
    public static String of(Path file) {
        try {
            return of(Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0]);
        } catch (IOException e) {
            return of(new byte[0]);
        }
    }
}
