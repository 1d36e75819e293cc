package io.agentevents.adapter.http.support;

import io.agentevents.adapter.http.client.ClientAddress;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who a request counts against for limits: its token, or its remote address when it has none.
 * Kept as the first 128 bits of a SHA-256, so the limiter's tables never hold a token itself.
 */
public record ClientKey(long high, long low) {

    private static final String KEY = "clientKey";
    /** The API's token header, as the reference names it. */
    private static final String TOKEN_HEADER = "X-Auth-Token";
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    });

    /** The key of a value of a kind ({@code token:}, {@code address:}). */
    public static ClientKey of(String kind, String value) {
        MessageDigest digest = SHA_256.get();
        digest.update(kind.getBytes(StandardCharsets.UTF_8));
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        return new ClientKey(hash.getLong(), hash.getLong());
    }

    /** The request's key: by {@code X-Auth-Token} if it has one, else by its client's address. */
    public static ClientKey of(RoutingContext context) {
        ClientKey key = context.get(KEY);
        if (key == null) {
            String token = context.request().getHeader(TOKEN_HEADER);
            key = token != null && !token.isBlank() ? of("token:", token.trim())
                    : of("address:", ClientAddress.of(context));
            context.put(KEY, key);
        }
        return key;
    }

    @Override
    public String toString() {
        return "ClientKey[" + Long.toHexString(high >>> 32) + "…]";
    }
}
