package io.agentevents.application.port.out.access;

import java.util.Objects;

/**
 * A bearer token as stored and looked up: its SHA-256 in hex. Tokens are long random strings,
 * so a fast hash is enough to make a stolen table useless.
 */
public record TokenHash(String hex) {

    public TokenHash {
        Objects.requireNonNull(hex, "hex must not be null");
        if (!isLowercaseHex(hex, 64)) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
        }
    }

    private static boolean isLowercaseHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
