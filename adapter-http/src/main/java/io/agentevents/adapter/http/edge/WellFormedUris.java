package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before routing looks at the path or the query: a request URI with a broken percent escape
 * ({@code %} not followed by two hex digits) is a 400, where the router's own decoding would fail
 * it as a 500.
 */
public final class WellFormedUris implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && !hasValidEscapes(uri)) {
            context.fail(new BadRequestException("malformed request URI: a percent escape is '%' and two hex digits"));
            return;
        }
        context.next();
    }

    static boolean hasValidEscapes(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
