package io.agentevents.bootstrap.config;

import io.agentevents.adapter.keystone.KeystoneSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code --keystone-*} and {@code --token-cache-ttl} options; the password only from {@code KEYSTONE_PASSWORD}. */
public final class IdentityOptions {

    private static final List<String> NEED_URL = List.of("--keystone-user", "--keystone-project", "--keystone-domain",
            "--keystone-timeout", "--token-cache-ttl");

    private IdentityOptions() {
    }

    public static IdentitySettings parse(Map<String, String> options, Map<String, String> environment) {
        String url = options.get("--keystone-url");
        if (url == null) {
            NEED_URL.stream().filter(options::containsKey).findFirst().ifPresent(option -> {
                throw new ConfigException(option + " is for Keystone; give --keystone-url too");
            });
            return IdentitySettings.none();
        }
        String user = required(options, "--keystone-user");
        String project = required(options, "--keystone-project");
        String password = Optional.ofNullable(environment.get("KEYSTONE_PASSWORD")).filter(given -> !given.isEmpty())
                .orElseThrow(() -> new ConfigException("--keystone-url needs this service's password in KEYSTONE_PASSWORD"));
        Duration timeout = Optional.ofNullable(options.get("--keystone-timeout"))
                .map(text -> Durations.parse(text, "--keystone-timeout")).orElse(KeystoneSettings.DEFAULT_TIMEOUT);
        Duration ttl = Optional.ofNullable(options.get("--token-cache-ttl"))
                .map(text -> Durations.parse(text, "--token-cache-ttl")).orElse(IdentitySettings.DEFAULT_TOKEN_CACHE_TTL);
        try {
            return IdentitySettings.keystone(new KeystoneSettings(new URI(url.strip()), user, project,
                    options.getOrDefault("--keystone-domain", KeystoneSettings.DEFAULT_DOMAIN).strip(), password,
                    timeout, KeystoneSettings.DEFAULT_MAX_CONCURRENT_CALLS), ttl);
        } catch (URISyntaxException malformed) {
            throw new ConfigException("--keystone-url is not a URL: " + malformed.getMessage());
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--keystone-url: " + bad.getMessage());
        }
    }

    private static String required(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null || value.isBlank()) {
            throw new ConfigException("--keystone-url needs " + option);
        }
        return value.strip();
    }
}
