package io.agentevents.adapter.http.support;

import io.agentevents.application.port.in.access.Secret;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The request's {@code X-Auth-Token}, read once: the request budget and the authentication take
 * the same {@link Secret}, so its SHA-256 is worked out once per request.
 */
public final class BearerTokens {

    /** The API's token header, as the reference names it. */
    public static final String HEADER = "X-Auth-Token";
    private static final String KEY = "bearerToken";

    private BearerTokens() {
    }

    /** The token, trimmed; empty when the header is missing or blank. */
    public static Optional<Secret> of(RoutingContext context) {
        Optional<Secret> token = context.get(KEY);
        if (token == null) {
            String header = context.request().getHeader(HEADER);
            token = header == null || header.isBlank() ? Optional.empty() : Optional.of(new Secret(header.trim()));
            context.put(KEY, token);
        }
        return token;
    }
}
