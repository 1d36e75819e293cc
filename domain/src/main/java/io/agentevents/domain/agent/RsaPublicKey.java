package io.agentevents.domain.agent;

/**
 * The public half of the key an agent encrypts its vault's password with; the service only
 * keeps and shows it.
 *
 * @param modulus  hexadecimal digits
 * @param exponent hexadecimal digits ({@code 10001} is the usual 65537)
 */
public record RsaPublicKey(String modulus, String exponent) {

    /** Room for an 8192-bit modulus. */
    public static final int MAX_MODULUS_DIGITS = 2048;
    /** More than any exponent in use. */
    public static final int MAX_EXPONENT_DIGITS = 64;

    /** @throws IllegalArgumentException naming the field if one is not hexadecimal digits */
    public RsaPublicKey {
        requireHex(modulus, "rsa_public_key.modulus", MAX_MODULUS_DIGITS);
        requireHex(exponent, "rsa_public_key.exponent", MAX_EXPONENT_DIGITS);
    }

    private static void requireHex(String value, String field, int maxDigits) {
        if (value == null || value.isEmpty() || value.length() > maxDigits) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxDigits + " hexadecimal digits");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(field + " must be hexadecimal digits");
            }
        }
    }
}
