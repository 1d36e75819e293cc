package io.agentevents.adapter.keystone;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Keystone and sign in to it as this service.
 *
 * @param url                the identity v3 endpoint, e.g. {@code http://keystone:5000/v3}
 * @param user               this service's own user
 * @param project            the project its token is scoped to
 * @param domain             the domain (name) of both, {@value #DEFAULT_DOMAIN} by default
 * @param password           its password; never printed
 * @param timeout            the longest a validation may take, sign-in included, before the
 *                           request answers 503
 * @param maxConcurrentCalls calls to Keystone at once; more wait, up to {@link #MAX_WAITING_CALLS}
 */
public record KeystoneSettings(URI url, String user, String project, String domain, String password,
                               Duration timeout, int maxConcurrentCalls) {

    public static final String DEFAULT_DOMAIN = "Default";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 16;
    /** Calls waiting for one of the {@code maxConcurrentCalls}; beyond, a validation answers 503 at once. */
    public static final int MAX_WAITING_CALLS = 1_000;

    /** @throws IllegalArgumentException naming what is wrong */
    public KeystoneSettings {
        Objects.requireNonNull(url, "url must not be null");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("the Keystone URL must be http(s)://host[:port]/v3; got " + url);
        }
        url = URI.create(url.toString().replaceAll("/+$", ""));
        requireText(user, "the Keystone user");
        requireText(project, "the Keystone project");
        requireText(domain, "the Keystone domain");
        requireText(password, "the Keystone password (KEYSTONE_PASSWORD)");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the Keystone timeout must be positive");
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("at least one call to Keystone must be allowed at once");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be given");
        }
    }

    /** {@code url} followed by {@code path} (which starts with a slash). */
    String endpoint(String path) {
        return url + path;
    }

    @Override
    public String toString() {
        return "Keystone " + url + " as " + user + " of project " + project + " in domain " + domain;
    }
}
