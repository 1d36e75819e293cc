package io.agentevents.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The per-token request budget (SPEC: 429 with {@code Retry-After}). Checked before the token is
 * looked up, so floods of unknown tokens are throttled too; requests without a token count
 * against their remote address.
 */
final class RateLimit implements Handler<RoutingContext> {

    /** How often buckets of quiet clients are dropped. */
    private static final long FORGET_EVERY_MS = 60_000;

    private final TokenBuckets buckets;

    RateLimit(Vertx vertx, int perSecond) {
        this.buckets = new TokenBuckets(perSecond, System::nanoTime);
        vertx.setPeriodic(FORGET_EVERY_MS, ignored -> buckets.forgetIdle());
    }

    @Override
    public void handle(RoutingContext context) {
        long waitSeconds = buckets.take(ClientKey.of(context));
        if (waitSeconds > 0) {
            context.fail(new TooManyRequestsException("request budget exceeded; retry after " + waitSeconds + " s",
                    waitSeconds));
            return;
        }
        context.next();
    }
}
