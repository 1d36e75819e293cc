package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.ClientKey;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;

/**
 * The per-token request budget (SPEC: 429 with {@code Retry-After}). Checked before the token is
 * looked up, so floods of unknown tokens are throttled too; requests without a token count
 * against their client's address. A refusal is answered {@value #REFUSAL_DELAY_MS} ms late, on a
 * timer that holds no thread: a client that ignores {@code Retry-After} and sends again at once
 * then gets at most one refusal per connection in that time, so a flood on a few connections
 * cannot keep the event loop busy answering it.
 */
public final class RateLimit implements Handler<RoutingContext> {

    /** How often buckets of quiet clients are dropped. */
    private static final long FORGET_EVERY_MS = 60_000;
    public static final long REFUSAL_DELAY_MS = 500;

    private final TokenBuckets buckets;
    private final Vertx vertx;
    private final Predicate<RoutingContext> exempt;

    /** @param exempt requests the budget does not count (they are limited their own way) */
    public RateLimit(Vertx vertx, int perSecond, Predicate<RoutingContext> exempt) {
        this.vertx = vertx;
        this.exempt = exempt;
        this.buckets = new TokenBuckets(perSecond, System::nanoTime);
        vertx.setPeriodic(FORGET_EVERY_MS, ignored -> buckets.forgetIdle());
    }

    @Override
    public void handle(RoutingContext context) {
        if (exempt.test(context)) {
            context.next();
            return;
        }
        long waitSeconds = buckets.take(ClientKey.of(context));
        if (waitSeconds > 0) {
            TooManyRequestsException refusal = new TooManyRequestsException(
                    "request budget exceeded; retry after " + waitSeconds + " s", waitSeconds);
            vertx.setTimer(REFUSAL_DELAY_MS, ignored -> context.fail(refusal));
            return;
        }
        context.next();
    }
}
