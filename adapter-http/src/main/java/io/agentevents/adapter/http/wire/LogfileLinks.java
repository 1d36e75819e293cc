package io.agentevents.adapter.http.wire;

import io.agentevents.domain.AgentId;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the platform keeps agents' log files: an OpenStack Swift container (Cloud Files, as in
 * the reference's examples). An agent uploads its log file to {@code <container>/<agent id>/<date>.gz},
 * the date as the log file's with {@code -} for {@code :}; with a TempURL key, a client gets a link
 * it can download from without a token, signed as Swift's TempURL middleware checks it: an HMAC of
 * {@code GET\n<expires>\n<path>}, the path from {@code /v1/} on, hex for SHA-1 and SHA-256,
 * {@code sha512:} and URL-safe base64 for SHA-512. Without a container, there are no such links.
 */
public final class LogfileLinks {

    /** The HMAC digests Swift's TempURL middleware takes. */
    public enum Digest {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String algorithm;

        Digest(String algorithm) {
            this.algorithm = algorithm;
        }

        /** @throws IllegalArgumentException unless sha1, sha256 or sha512 (any case) */
        public static Digest of(String name) {
            for (Digest digest : values()) {
                if (digest.name().equalsIgnoreCase(name.strip())) {
                    return digest;
                }
            }
            throw new IllegalArgumentException("must be sha1, sha256 or sha512; got '" + WireNames.clip(name) + "'");
        }
    }

    /** Long enough to download a large log file over a slow line. */
    public static final Duration DEFAULT_TEMP_URL_LIFETIME = Duration.ofHours(1);

    private final Optional<URI> container;
    private final Optional<SecretKeySpec> tempUrlKey;
    private final Digest digest;
    private final Duration tempUrlLifetime;
    private final Clock clock;

    private LogfileLinks(Optional<URI> container, Optional<SecretKeySpec> tempUrlKey, Digest digest,
                         Duration tempUrlLifetime, Clock clock) {
        this.container = container;
        this.tempUrlKey = tempUrlKey;
        this.digest = digest;
        this.tempUrlLifetime = tempUrlLifetime;
        this.clock = clock;
    }

    /** No container: log files have only their own link. */
    public static LogfileLinks none() {
        return new LogfileLinks(Optional.empty(), Optional.empty(), Digest.SHA256, DEFAULT_TEMP_URL_LIFETIME,
                Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC));
    }

    /**
     * @param containerUrl    the container's URL, like {@code https://storage.example.com/v1/AUTH_1234/CloudBackupLogs};
     *                        a trailing slash is dropped
     * @param tempUrlKey      the account's or container's {@code Temp-URL-Key}; empty for no TempURL links
     * @param tempUrlLifetime how long a TempURL works from when it is given out
     * @param clock           read when a TempURL is given out, for its expiry
     * @throws IllegalArgumentException if the URL is not http(s) with a host and a path, or the key is empty
     */
    public static LogfileLinks of(String containerUrl, Optional<String> tempUrlKey, Digest digest,
                                  Duration tempUrlLifetime, Clock clock) {
        Objects.requireNonNull(containerUrl, "containerUrl must not be null");
        String trimmed = containerUrl.endsWith("/") ? containerUrl.substring(0, containerUrl.length() - 1) : containerUrl;
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("the log file container is not a URL: " + malformed.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawPath() == null
                || uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the log file container must be an http(s) URL with a host and a path "
                    + "and no query, like https://storage.example.com/v1/AUTH_1234/CloudBackupLogs; got " + containerUrl);
        }
        if (tempUrlKey.isPresent() && tempUrlKey.get().isEmpty()) {
            throw new IllegalArgumentException("the TempURL key must not be empty");
        }
        if (tempUrlLifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("a TempURL must work for a second at least");
        }
        return new LogfileLinks(Optional.of(uri), tempUrlKey.map(key -> new SecretKeySpec(
                key.getBytes(StandardCharsets.UTF_8), digest.algorithm)), digest, tempUrlLifetime, clock);
    }

    /** Where the agent uploads the log file of {@code date}; empty without a container. */
    public Optional<String> logfile(AgentId agent, Instant date) {
        return container.map(base -> base + "/" + agent + "/" + objectName(date));
    }

    /** A link to download it without a token until a while from now; empty without a container and a key. */
    public Optional<String> tempUrl(AgentId agent, Instant date) {
        if (container.isEmpty() || tempUrlKey.isEmpty()) {
            return Optional.empty();
        }
        String path = container.get().getPath() + "/" + agent + "/" + objectName(date);
        long expires = clock.instant().plus(tempUrlLifetime).getEpochSecond();
        return Optional.of(logfile(agent, date).orElseThrow() + "?temp_url_sig="
                + URLEncoder.encode(signature("GET\n" + expires + "\n" + path), StandardCharsets.UTF_8)
                + "&temp_url_expires=" + expires);
    }

    /** The signature Swift expects for {@code body}. */
    String signature(String body) {
        byte[] hmac;
        try {
            Mac mac = Mac.getInstance(digest.algorithm);
            mac.init(tempUrlKey.orElseThrow());
            hmac = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("the JDK lacks " + digest.algorithm, unavailable);
        }
        return digest == Digest.SHA512 ? "sha512:" + Base64.getUrlEncoder().encodeToString(hmac)
                : HexFormat.of().formatHex(hmac);
    }

    /** The reference's object name: the date with dashes for colons, gzipped. */
    private static String objectName(Instant date) {
        return Timestamps.format(date).replace(':', '-') + ".gz";
    }

    /** Whether the links point into a container at all. */
    public boolean configured() {
        return container.isPresent();
    }

    @Override
    public String toString() {
        return container.map(uri -> "log files in " + uri + (tempUrlKey.isPresent() ? ", TempURLs by " + digest : ""))
                .orElse("no log file container");
    }
}
