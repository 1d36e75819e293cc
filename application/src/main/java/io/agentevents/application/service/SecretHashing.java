package io.agentevents.application.service;

import io.agentevents.application.port.in.Secret;
import io.agentevents.application.port.out.PasswordHash;
import io.agentevents.application.port.out.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How secrets are kept: tokens (long and random) as SHA-256, passwords with salted
 * PBKDF2-HMAC-SHA512. Comparisons are constant-time. Encoded hashes carry their iteration count,
 * so raising it later still verifies old ones.
 */
public final class SecretHashing {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 210_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking the algorithm up costs more than hashing a token. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    });
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    private final int passwordIterations;
    private final SecureRandom random = new SecureRandom();

    /** @param passwordIterations PBKDF2 rounds for new password hashes (tests use fewer) */
    public SecretHashing(int passwordIterations) {
        if (passwordIterations < 1_000) {
            throw new IllegalArgumentException("passwordIterations must be at least 1000");
        }
        this.passwordIterations = passwordIterations;
    }

    public static TokenHash hashToken(Secret token) {
        byte[] digest = SHA_256.get().digest(token.value().getBytes(StandardCharsets.UTF_8));
        return new TokenHash(HEX.formatHex(digest));
    }

    public PasswordHash hashPassword(Secret password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, passwordIterations);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(PREFIX + "$" + passwordIterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash));
    }

    /** Whether {@code password} matches {@code stored}; false for a hash of an unknown form. */
    public boolean verifyPassword(Secret password, PasswordHash stored) {
        String[] parts = stored.encoded().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts[2]);
        byte[] expected = base64.decode(parts[3]);
        byte[] actual = pbkdf2(password, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Constant-time comparison of two texts, so timing does not reveal how much matched. */
    public static boolean sameText(String left, String right) {
        return MessageDigest.isEqual(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pbkdf2(Secret password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.value().toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("every JDK 17 has " + ALGORITHM, missing);
        } finally {
            spec.clearPassword();
        }
    }
}
