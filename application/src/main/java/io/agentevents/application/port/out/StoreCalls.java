package io.agentevents.application.port.out;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Where a service runs a call on a store whose answer it continues from asynchronously: inline
 * for a store that never blocks, on a bounded pool of workers for one that may (a database).
 */
public interface StoreCalls {

    /** @return completes with the call's answer, or fails with what it threw */
    <T> CompletionStage<T> supply(Supplier<T> call);

    /** Runs every call at once on the caller's thread: for stores that never block. */
    static StoreCalls inline() {
        return new StoreCalls() {
            @Override
            public <T> CompletionStage<T> supply(Supplier<T> call) {
                try {
                    return CompletableFuture.completedFuture(call.get());
                } catch (RuntimeException failed) {
                    return CompletableFuture.failedFuture(failed);
                }
            }
        };
    }
}
