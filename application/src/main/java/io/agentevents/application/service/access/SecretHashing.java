package io.agentevents.application.service.access;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.port.out.access.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How secrets are kept. Tokens and agent passwords are both made by the service from at least
 * 128 random bits, so nobody can guess them and key stretching would buy nothing but a CPU lever
 * for whoever floods the sign-in: both are kept as SHA-256 and compared in constant time.
 * Passwords still hashed the old, slow way ({@link LegacyPasswordHashes}) are verified through a
 * {@link SlowWorkGate} and reported as {@link PasswordCheck#MATCHES_OUTDATED}, to be replaced.
 */
public final class SecretHashing {

    /** The answer to "is this the password?". */
    public enum PasswordCheck {
        MATCHES,
        /** Right, but kept in a form that should be replaced by {@link #hashPassword}. */
        MATCHES_OUTDATED,
        WRONG
    }

    private static final String PREFIX = "sha256$";
    private static final HexFormat HEX = HexFormat.of();
    private final SlowWorkGate legacyVerifications;

    public SecretHashing(SlowWorkGate legacyVerifications) {
        this.legacyVerifications = legacyVerifications;
    }

    public static SecretHashing forThisMachine() {
        return new SecretHashing(SlowWorkGate.forThisMachine());
    }

    public static TokenHash hashToken(Secret token) {
        return new TokenHash(HEX.formatHex(token.sha256()));
    }

    public PasswordHash hashPassword(Secret password) {
        return new PasswordHash(PREFIX + HEX.formatHex(password.sha256()));
    }

    /**
     * @throws io.agentevents.application.port.in.ServiceBusyException if an old hash would have to
     *                                                                 wait too long to be verified
     */
    public PasswordCheck check(Secret password, PasswordHash stored) {
        if (LegacyPasswordHashes.isLegacy(stored)) {
            boolean matches = legacyVerifications.run(() -> LegacyPasswordHashes.matches(password, stored));
            return matches ? PasswordCheck.MATCHES_OUTDATED : PasswordCheck.WRONG;
        }
        return sameText(hashPassword(password).encoded(), stored.encoded()) ? PasswordCheck.MATCHES : PasswordCheck.WRONG;
    }

    /** As {@link #check} against a password nobody has, so an unknown agent costs what a known one does. */
    public PasswordCheck checkAgainstNothing(Secret password) {
        sameText(hashPassword(password).encoded(), PREFIX);
        return PasswordCheck.WRONG;
    }

    /** Constant-time comparison of two texts, so timing does not reveal how much matched. */
    public static boolean sameText(String left, String right) {
        return MessageDigest.isEqual(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }
}
