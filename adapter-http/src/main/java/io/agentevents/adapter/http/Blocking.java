package io.agentevents.adapter.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs use cases on Vert.x's worker pool: they may block on a store and must never run on an
 * event loop. Unordered, so requests do not queue behind each other.
 */
public final class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Future<T> call(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    public Future<Reply> run(Runnable work, Reply reply) {
        return vertx.executeBlocking(() -> {
            work.run();
            return reply;
        }, false);
    }
}
