package io.agentevents.adapter.http.support;

import io.agentevents.adapter.http.client.ClientAddress;
import io.agentevents.application.port.in.access.Secret;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;

/**
 * Who a request counts against for limits: its token, or its remote address when it has none.
 * Kept as the first 128 bits of a SHA-256 (the token's own digest, the one its lookup uses), so
 * the limiter's tables never hold a token itself; a token and an address never share a key.
 */
public record ClientKey(long high, long low, boolean byAddress) {

    private static final String KEY = "clientKey";

    /** The key of a token. */
    public static ClientKey ofToken(Secret token) {
        ByteBuffer hash = ByteBuffer.wrap(token.sha256());
        return new ClientKey(hash.getLong(), hash.getLong(), false);
    }

    /** The key of a client address, for requests without a token. */
    public static ClientKey ofAddress(String address) {
        ByteBuffer hash = ByteBuffer.wrap(new Secret(address).sha256());
        return new ClientKey(hash.getLong(), hash.getLong(), true);
    }

    /** The request's key: by {@code X-Auth-Token} if it has one, else by its client's address. */
    public static ClientKey of(RoutingContext context) {
        ClientKey key = context.get(KEY);
        if (key == null) {
            key = BearerTokens.of(context).map(ClientKey::ofToken)
                    .orElseGet(() -> ofAddress(ClientAddress.of(context)));
            context.put(KEY, key);
        }
        return key;
    }

    @Override
    public String toString() {
        return "ClientKey[" + (byAddress ? "address " : "token ") + Long.toHexString(high >>> 32) + "…]";
    }
}
