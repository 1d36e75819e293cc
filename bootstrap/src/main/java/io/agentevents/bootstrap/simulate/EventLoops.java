package io.agentevents.bootstrap.simulate;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where the simulator's requests start: set-up on one event loop, agent i on loop i mod n. On
 * one loop, a simulator answering 2,000 agents woken at once would measure its own queue more
 * than the service. Requests always start on an event loop, never on the calling thread: batches
 * of set-up requests started from the main thread sometimes never completed with Vert.x 5.0.7's
 * client, though the service had answered every one.
 */
final class EventLoops {

    @FunctionalInterface
    interface Task {
        Future<?> run();
    }

    private final Context setUp;
    private final List<Context> agentLoops;

    EventLoops(Vertx vertx, int agentLoopCount) {
        this.setUp = vertx.getOrCreateContext();
        this.agentLoops = contexts(vertx, agentLoopCount);
    }

    /** Requests of the set-up, on its loop. */
    <T> Future<T> onSetUp(Supplier<Future<T>> requests) {
        return on(setUp, requests);
    }

    /** Requests of agent {@code agent}, on its loop. */
    <T> Future<T> onLoopOf(int agent, Supplier<Future<T>> requests) {
        return on(agentLoops.get(agent % agentLoops.size()), requests);
    }

    /** Runs the set-up tasks {@code concurrency} at a time; fails on the first failure. */
    void inBatches(List<Task> tasks, int concurrency) throws TimeoutException {
        for (int from = 0; from < tasks.size(); from += concurrency) {
            List<Future<?>> batch = tasks.subList(from, Math.min(tasks.size(), from + concurrency)).stream()
                    .map(task -> onSetUp(() -> task.run().map(result -> (Object) result)))
                    .collect(Collectors.toList());
            try {
                Future.all(batch).await(120, TimeUnit.SECONDS);
            } catch (RuntimeException failed) {
                throw new SimulationException(failed.getMessage());
            }
        }
    }

    private static <T> Future<T> on(Context context, Supplier<Future<T>> requests) {
        Promise<T> done = Promise.promise();
        context.runOnContext(ignored -> requests.get().onComplete(done));
        return done.future();
    }

    /** One context on each of {@code count} event loops (a verticle's instances get one each). */
    private static List<Context> contexts(Vertx vertx, int count) {
        List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                contexts.add(context);
            }
        }, new DeploymentOptions().setInstances(count)).await();
        return List.copyOf(contexts);
    }
}
