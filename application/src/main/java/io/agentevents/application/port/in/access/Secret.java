package io.agentevents.application.port.in.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A token or password in transit. Its {@code toString} never shows it, so it cannot reach a log
 * by accident. Its SHA-256 is worked out once and kept with it: a request's token is hashed for
 * its request budget and again to look it up, and both now share one digest.
 */
public final class Secret {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    });

    private final String value;
    /** Written at most once per thread that races for it, always with the same bytes. */
    private volatile byte[] sha256;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret must not be null");
    }

    public String value() {
        return value;
    }

    /** The SHA-256 of the secret's UTF-8 bytes (a copy: the digest kept here stays as it is). */
    public byte[] sha256() {
        byte[] digest = sha256;
        if (digest == null) {
            digest = SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
            sha256 = digest;
        }
        return digest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
