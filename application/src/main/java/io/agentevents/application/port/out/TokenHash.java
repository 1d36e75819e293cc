package io.agentevents.application.port.out;

import java.util.Objects;

/**
 * A bearer token as stored and looked up: its SHA-256 in hex. Tokens are long random strings,
 * so a fast hash is enough to make a stolen table useless.
 */
public record TokenHash(String hex) {

    public TokenHash {
        Objects.requireNonNull(hex, "hex must not be null");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
        }
    }

    @Override
    public String toString() {
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
