package io.agentevents.bootstrap;

import io.agentevents.adapter.http.ApiOptions;
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
 */
public record ServerSettings(Optional<TlsFiles> tls, int rateLimitPerSecond, LogFormat logFormat, boolean metrics) {

    public ServerSettings {
        Objects.requireNonNull(tls, "tls must not be null");
        Objects.requireNonNull(logFormat, "logFormat must not be null");
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must not be negative");
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(Optional.empty(), ApiOptions.DEFAULT_RATE_LIMIT, LogFormat.TEXT, true);
    }

    public ServerSettings withTls(TlsFiles files) {
        return new ServerSettings(Optional.of(files), rateLimitPerSecond, logFormat, metrics);
    }

    public ServerSettings withRateLimit(int perSecond) {
        return new ServerSettings(tls, perSecond, logFormat, metrics);
    }
}
