package io.agentevents.adapter.http.client;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.util.List;

/**
 * Who sent a request, for the rate limit, the sign-in's delays and the access log: its
 * connection's remote address, unless that is a trusted proxy; then the rightmost hop of
 * {@code Forwarded} / {@code X-Forwarded-For} that is not a trusted proxy itself (the leftmost if
 * all are). Hops left of that one were written by whoever sent the request and prove nothing.
 * Worked out once per request, when first asked.
 */
public final class ClientAddress implements Handler<RoutingContext> {

    private static final String RESOLVER_KEY = "clientAddressResolver";
    private static final String ADDRESS_KEY = "clientAddress";
    private static final String UNKNOWN = "";

    private final TrustedProxies trusted;

    public ClientAddress(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    public void handle(RoutingContext context) {
        context.put(RESOLVER_KEY, this);
        context.next();
    }

    /** The client's address as text, empty if unknown (a request the router has not seen). */
    public static String of(RoutingContext context) {
        String known = context.get(ADDRESS_KEY);
        if (known == null) {
            ClientAddress resolver = context.get(RESOLVER_KEY);
            known = resolver == null ? remoteOf(context) : resolver.resolve(context);
            context.put(ADDRESS_KEY, known);
        }
        return known;
    }

    private String resolve(RoutingContext context) {
        String remote = remoteOf(context);
        if (trusted.isEmpty() || remote.isEmpty()) {
            return remote;
        }
        InetAddress current = TrustedProxies.literal(remote);
        if (current == null || !trusted.trusts(current)) {
            return remote;
        }
        List<String> hops = ForwardedHops.of(context.request().headers().getAll("Forwarded"),
                context.request().headers().getAll("X-Forwarded-For"));
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (hop == null) {
                break; // the proxy could not say who it was talking to: it is the nearest we know
            }
            client = hop;
            if (!trusted.trusts(TrustedProxies.literal(hop))) {
                break;
            }
        }
        return client;
    }

    private static String remoteOf(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return UNKNOWN;
        }
        return remote.hostAddress();
    }
}
