package io.agentevents.adapter.http.edge;

import io.agentevents.domain.RequestId;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id, sent back as {@code X-Request-Id} on every response and carried on
 * the events it causes, so a client, the log and the event log can be matched up.
 */
public final class RequestIds implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "requestId";

    @Override
    public void handle(RoutingContext context) {
        RequestId id = newId();
        context.put(KEY, id);
        context.response().putHeader(HEADER, id.toString());
        context.next();
    }

    /**
     * A random (version 4) UUID from a fast generator: request ids must be unique, not secret,
     * and {@link UUID#randomUUID()} draws on SecureRandom for every request.
     */
    static RequestId newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new RequestId(new UUID(high, low));
    }

    /** The request's id; a fresh one if the request never passed this handler (unmatched routes). */
    public static RequestId of(RoutingContext context) {
        RequestId id = context.get(KEY);
        if (id == null) {
            id = newId();
            context.put(KEY, id);
        }
        return id;
    }
}
