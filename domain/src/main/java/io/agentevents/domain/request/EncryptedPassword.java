package io.agentevents.domain.request;

import java.util.Objects;

/**
 * A vault password encrypted with the agent's RSA public key, in hexadecimal as the reference
 * carries it ({@code encrypted_password_hex}); runs of spaces between the digits are kept, as in
 * the reference's examples. Only the agent, which holds the private key, can read it. It is never
 * written to a log: {@link #toString()} shows no digit of it.
 *
 * @param hex whole bytes in hexadecimal digits, spaces allowed between them
 */
public record EncryptedPassword(String hex) {

    /** The hex of a 16384-bit RSA block, with room for spaces. */
    public static final int MAX_LENGTH = 8_192;

    /** @throws IllegalArgumentException naming {@code field} if the value is not whole bytes in hex */
    public static EncryptedPassword of(String hex, String field) {
        try {
            return new EncryptedPassword(hex);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(field + " " + malformed.getMessage());
        }
    }

    /** @throws IllegalArgumentException if the value is not whole bytes in hexadecimal digits */
    public EncryptedPassword {
        Objects.requireNonNull(hex, "hex must not be null");
        if (hex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        int digits = 0;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                digits++;
            } else if (c != ' ') {
                throw new IllegalArgumentException("must be hexadecimal digits (spaces allowed between them)");
            }
        }
        if (digits == 0 || digits % 2 != 0) {
            throw new IllegalArgumentException("must be whole bytes: an even number of hexadecimal digits, at least two");
        }
    }

    @Override
    public String toString() {
        return "EncryptedPassword[" + hex.length() + " characters]";
    }
}
