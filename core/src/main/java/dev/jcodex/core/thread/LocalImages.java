package dev.jcodex.core.thread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Turns a local image path into a data URL the model can read. */
final class LocalImages {
    private LocalImages() {}

    static String dataUrl(String path) {
        try {
            Path p = Path.of(path);
            String mime = Files.probeContentType(p);
            if (mime == null) mime = "image/png";
            return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read image " + path + ": " + e.getMessage(), e);
        }
    }
}
