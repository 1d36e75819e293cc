package io.agentevents.bootstrap;

import io.agentevents.adapter.http.ApiOptions;
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
 */
public record ServerSettings(Optional<TlsFiles> tls, int rateLimitPerSecond, LogFormat logFormat, boolean metrics,
                             Duration idleTimeout) {

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
    }

    public static ServerSettings defaults() {
        return new ServerSettings(Optional.empty(), ApiOptions.DEFAULT_RATE_LIMIT, LogFormat.TEXT, true,
                DEFAULT_IDLE_TIMEOUT);
    }

    public ServerSettings withTls(TlsFiles files) {
        return new ServerSettings(Optional.of(files), rateLimitPerSecond, logFormat, metrics, idleTimeout);
    }

    public ServerSettings withRateLimit(int perSecond) {
        return new ServerSettings(tls, perSecond, logFormat, metrics, idleTimeout);
    }

    public ServerSettings withIdleTimeout(Duration timeout) {
        return new ServerSettings(tls, rateLimitPerSecond, logFormat, metrics, timeout);
    }
}
