package io.agentevents.adapter.http.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** The use cases' stages as Vert.x futures, completing on the caller's context. */
public final class Stages {

    private Stages() {
    }

    /**
     * A stage already complete (an answer from memory) is taken as it is, without a hop; another's
     * answer comes back to the current context. A dependent stage wraps its source's failure: the
     * future fails with the failure itself, so the answer is for it (503, 403...).
     */
    public static <T> Future<T> onContext(CompletionStage<T> stage, Vertx vertx) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone()) {
            try {
                return Future.succeededFuture(future.join());
            } catch (CompletionException | CancellationException failed) {
                return Future.failedFuture(unwrapped(failed));
            }
        }
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext())
                .recover(failed -> Future.failedFuture(unwrapped(failed)));
    }

    private static Throwable unwrapped(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
    }
}
