package io.agentevents.bootstrap.config;

import io.agentevents.adapter.http.ApiOptions;
import io.agentevents.adapter.http.client.TrustedProxies;
import io.agentevents.adapter.http.edge.CrossOrigins;
import io.agentevents.adapter.http.wire.PublicUrl;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server faces its clients.
 *
 * @param tls                HTTPS with this certificate and key; empty for plain HTTP (behind a
 *                           TLS-terminating proxy)
 * @param rateLimitPerSecond requests a second per token; 0 for no limit
 * @param logFormat          how log lines are written
 * @param metrics            whether meters are recorded ({@code GET /metrics} is empty without)
 * @param idleTimeout        a connection silent this long is closed (half-open and stalled clients)
 * @param publicUrl          where clients reach the service, for absolute URLs in answers; empty:
 *                           {@code http(s)://localhost:<port>}
 * @param eventLoops         how many event loops serve HTTP, one server instance each
 * @param trustedProxies     the proxies whose {@code Forwarded} / {@code X-Forwarded-For} name the client
 * @param crossOrigins       the web pages at other origins allowed to call the API (CORS)
 */
public record ServerSettings(Optional<TlsFiles> tls, int rateLimitPerSecond, LogFormat logFormat, boolean metrics,
                             Duration idleTimeout, Optional<String> publicUrl, int eventLoops,
                             TrustedProxies trustedProxies, CrossOrigins crossOrigins) {

    /** Far above any machine's cores: a larger number is a typo. */
    public static final int MAX_EVENT_LOOPS = 256;

    /** Longer than the longest long-poll (30 s), so only a silent connection is cut. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public ServerSettings {
        Objects.requireNonNull(tls, "tls must not be null");
        Objects.requireNonNull(logFormat, "logFormat must not be null");
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must not be negative");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout must not be null");
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least 1 ms");
        }
        Objects.requireNonNull(publicUrl, "publicUrl must not be null (use Optional.empty())");
        publicUrl.ifPresent(PublicUrl::of);
        if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be from 1 to " + MAX_EVENT_LOOPS + ", was " + eventLoops);
        }
        Objects.requireNonNull(trustedProxies, "trustedProxies must not be null");
        Objects.requireNonNull(crossOrigins, "crossOrigins must not be null");
    }

    /** One event loop per core the JVM sees (a container's CPU limit included). */
    public static int defaultEventLoops() {
        return Math.min(MAX_EVENT_LOOPS, Runtime.getRuntime().availableProcessors());
    }

    public static ServerSettings defaults() {
        return new ServerSettings(Optional.empty(), ApiOptions.DEFAULT_RATE_LIMIT, LogFormat.TEXT, true,
                DEFAULT_IDLE_TIMEOUT, Optional.empty(), defaultEventLoops(), TrustedProxies.none(),
                CrossOrigins.none());
    }

    public ServerSettings withTls(TlsFiles files) {
        return new ServerSettings(Optional.of(files), rateLimitPerSecond, logFormat, metrics, idleTimeout, publicUrl,
                eventLoops, trustedProxies,
                crossOrigins);
    }

    public ServerSettings withRateLimit(int perSecond) {
        return new ServerSettings(tls, perSecond, logFormat, metrics, idleTimeout, publicUrl, eventLoops, trustedProxies,
                crossOrigins);
    }

    public ServerSettings withIdleTimeout(Duration timeout) {
        return new ServerSettings(tls, rateLimitPerSecond, logFormat, metrics, timeout, publicUrl, eventLoops, trustedProxies,
                crossOrigins);
    }

    public ServerSettings withPublicUrl(String url) {
        return new ServerSettings(tls, rateLimitPerSecond, logFormat, metrics, idleTimeout, Optional.of(url),
                eventLoops, trustedProxies,
                crossOrigins);
    }

    public ServerSettings withEventLoops(int count) {
        return new ServerSettings(tls, rateLimitPerSecond, logFormat, metrics, idleTimeout, publicUrl, count, trustedProxies,
                crossOrigins);
    }

    public ServerSettings withTrustedProxies(TrustedProxies proxies) {
        return new ServerSettings(tls, rateLimitPerSecond, logFormat, metrics, idleTimeout, publicUrl, eventLoops,
                proxies, crossOrigins);
    }

    public ServerSettings withCrossOrigins(CrossOrigins origins) {
        return new ServerSettings(tls, rateLimitPerSecond, logFormat, metrics, idleTimeout, publicUrl, eventLoops,
                trustedProxies, origins);
    }

    /** Where clients reach the service: as configured, else this machine on {@code port}. */
    public PublicUrl publicUrlOn(java.util.function.Supplier<Integer> port) {
        return publicUrl.map(PublicUrl::of).orElseGet(() -> PublicUrl.localhost(tls.isPresent(), port));
    }
}
