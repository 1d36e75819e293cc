package io.agentevents.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.out.StoreCalls;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VertxWorkersTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void callsRunOnWorkerThreads_andTheirFailuresFailTheStage() throws Exception {
        StoreCalls workers = new VertxWorkers(vertx);

        String ran = workers.supply(() -> Thread.currentThread().getName()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        CompletableFuture<Object> failed = workers.supply(() -> {
            throw new IllegalStateException("refused");
        }).toCompletableFuture();

        assertThat(ran).startsWith("vert.x-worker-thread");
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("refused");
    }

    @Test
    void workBeyondTheQueuesBound_isRefusedAtOnce_asBusy_andThePlaceFreesWhenWorkEnds() throws Exception {
        VertxWorkers bounded = new VertxWorkers(vertx, 2, TimeUnit.SECONDS.toNanos(30));
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> held = () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "done";
        };

        CompletableFuture<String> first = bounded.supply(held).toCompletableFuture();
        CompletableFuture<String> second = bounded.supply(held).toCompletableFuture();
        CompletableFuture<String> third = bounded.supply(() -> "never run").toCompletableFuture();

        assertThat(third).isCompletedExceptionally();
        assertThatThrownBy(third::join).hasCauseInstanceOf(ServiceBusyException.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(bounded.supply(() -> "room again").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo("room again");
    }

    @Test
    void workThatWaitedPastItsBudget_answersBusy_insteadOfRunning() {
        VertxWorkers impatient = new VertxWorkers(vertx, 10, 0);
        AtomicBoolean ran = new AtomicBoolean();

        CompletableFuture<Boolean> late = impatient.supply(() -> ran.getAndSet(true)).toCompletableFuture();

        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ServiceBusyException.class);
        assertThat(ran).isFalse();
    }
}
