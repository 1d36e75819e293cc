package io.agentevents.application.service.access;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA512 password hashes ({@code pbkdf2-sha512$iterations$salt$hash}), as
 * agents registered before passwords were hashed like tokens still have them. They are only ever
 * verified (and then replaced), never made for new agents; {@link #encode} is for tests and
 * migrations.
 */
public final class LegacyPasswordHashes {

    static final String PREFIX = "pbkdf2-sha512$";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyPasswordHashes() {
    }

    public static PasswordHash encode(Secret password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(PREFIX + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(password, salt, iterations)));
    }

    static boolean isLegacy(PasswordHash stored) {
        return stored.encoded().startsWith(PREFIX);
    }

    /** Whether {@code password} matches; false for a malformed hash. Slow by design: a fraction of a second. */
    static boolean matches(Secret password, PasswordHash stored) {
        String[] parts = stored.encoded().split("\\$");
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] salt = base64.decode(parts[2]);
            byte[] expected = base64.decode(parts[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
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
