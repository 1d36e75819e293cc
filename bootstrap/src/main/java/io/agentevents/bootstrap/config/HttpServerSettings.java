package io.agentevents.bootstrap.config;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The HTTP server's socket options: port, TLS, and the limits that keep slow clients from starving others. */
public final class HttpServerSettings {

    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_REQUEST_LINE_BYTES = 4 * 1024;

    private HttpServerSettings() {
    }

    public static HttpServerOptions of(AppConfig config) {
        HttpServerOptions options = new HttpServerOptions()
                .setPort(config.port())
                .setHost("0.0.0.0")
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                .setIdleTimeout((int) config.server().idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // Agents speak HTTP/1.1; a clear-text upgrade to HTTP/2 (which Java's HttpClient
                // asks for) stalled large answers in a test, so it is not offered.
                .setHttp2ClearTextEnabled(false);
        config.server().tls().ifPresent(tls -> options
                .setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(tls.certificate().toString())
                        .setKeyPath(tls.privateKey().toString()))
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3")));
        return options;
    }
}
