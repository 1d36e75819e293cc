package io.agentevents.bootstrap.config;

import io.agentevents.adapter.keystone.KeystoneSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The cloud's identity service, whose user tokens are honoured beside the tokens file's.
 *
 * @param keystone      where it is and how this service signs in to it; empty for none
 * @param tokenCacheTtl how long a token it vouched for is honoured without asking again (never
 *                      past the token's own expiry); so how late a revoked token is refused
 */
public record IdentitySettings(Optional<KeystoneSettings> keystone, Duration tokenCacheTtl) {

    public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(60);

    public IdentitySettings {
        Objects.requireNonNull(keystone, "keystone must not be null");
        if (tokenCacheTtl.isNegative() || tokenCacheTtl.isZero()) {
            throw new IllegalArgumentException("the token cache TTL must be positive");
        }
    }

    public static IdentitySettings none() {
        return new IdentitySettings(Optional.empty(), DEFAULT_TOKEN_CACHE_TTL);
    }

    public static IdentitySettings keystone(KeystoneSettings settings, Duration tokenCacheTtl) {
        return new IdentitySettings(Optional.of(settings), tokenCacheTtl);
    }
}
