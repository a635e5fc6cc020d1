package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.transport.CapabilityToken;
import dev.jcodex.appserver.transport.SignedBearerToken;
import dev.jcodex.appserver.transport.WsAuth;
import java.io.IOException;
import java.nio.file.Path;

/** The {@code --ws-*} options of {@code app-server}; {@link #toAuth()} refuses any combination that does not fit the mode. */
record WsAuthOptions(String mode, Path tokenFile, String tokenSha256, Path sharedSecretFile, String issuer,
                     String audience, Long maxClockSkewSeconds) {

    /** @throws IllegalArgumentException with a message for the user when the options do not fit together */
    WsAuth toAuth() throws IOException {
        boolean capabilityFlags = tokenFile != null || tokenSha256 != null;
        boolean signedFlags = sharedSecretFile != null || issuer != null || audience != null || maxClockSkewSeconds != null;
        if (mode == null) {
            if (capabilityFlags || signedFlags) {
                throw new IllegalArgumentException("the --ws-* options need --ws-auth capability-token or --ws-auth signed-bearer-token");
            }
            return WsAuth.none();
        }
        return switch (mode) {
            case "capability-token" -> {
                if (signedFlags) {
                    throw new IllegalArgumentException("--ws-shared-secret-file, --ws-issuer, --ws-audience and "
                            + "--ws-max-clock-skew-seconds belong to --ws-auth signed-bearer-token");
                }
                if ((tokenFile == null) == (tokenSha256 == null)) {
                    throw new IllegalArgumentException("--ws-auth capability-token needs exactly one of --ws-token-file or --ws-token-sha256");
                }
                yield tokenFile != null ? CapabilityToken.fromFile(tokenFile) : CapabilityToken.fromSha256Hex(tokenSha256);
            }
            case "signed-bearer-token" -> {
                if (capabilityFlags) {
                    throw new IllegalArgumentException("--ws-token-file and --ws-token-sha256 belong to --ws-auth capability-token");
                }
                if (sharedSecretFile == null) {
                    throw new IllegalArgumentException("--ws-auth signed-bearer-token needs --ws-shared-secret-file");
                }
                yield SignedBearerToken.fromSecretFile(sharedSecretFile, issuer, audience,
                        maxClockSkewSeconds != null ? maxClockSkewSeconds : SignedBearerToken.DEFAULT_MAX_CLOCK_SKEW_SECONDS);
            }
            default -> throw new IllegalArgumentException("unsupported --ws-auth `" + mode
                    + "` (supported: capability-token, signed-bearer-token)");
        };
    }
}
