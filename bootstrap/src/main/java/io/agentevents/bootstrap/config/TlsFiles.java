package io.agentevents.bootstrap.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM certificate (chain) and private key the server presents. Checked at start-up, so a
 * typo fails with a clear message instead of a handshake error on the first request.
 */
public record TlsFiles(Path certificate, Path privateKey) {

    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate must not be null");
        Objects.requireNonNull(privateKey, "privateKey must not be null");
    }

    /** @throws ConfigException if either file cannot be read */
    public static TlsFiles of(String certificate, String privateKey) {
        TlsFiles files = new TlsFiles(Path.of(certificate.strip()), Path.of(privateKey.strip()));
        readable(files.certificate(), "--tls-cert");
        readable(files.privateKey(), "--tls-key");
        return files;
    }

    private static void readable(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(option + ": cannot read " + file);
        }
    }
}
