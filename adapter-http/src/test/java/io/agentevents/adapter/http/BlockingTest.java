package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void storeThatNeverBlocks_runsInlineOnTheCallersThread_andFailuresBecomeFailedFutures() {
        Blocking inline = new Blocking(vertx, false);
        String caller = Thread.currentThread().getName();

        Future<String> ran = inline.call(() -> Thread.currentThread().getName());
        Future<String> failed = inline.call(() -> {
            throw new IllegalStateException("refused");
        });

        assertThat(ran.succeeded()).isTrue();
        assertThat(ran.result()).isEqualTo(caller);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.cause()).hasMessage("refused");
    }

    @Test
    void storeThatMayBlock_andSlowWork_runOnWorkerThreads() throws Exception {
        Blocking workers = new Blocking(vertx, true);
        Blocking inline = new Blocking(vertx, false);

        String storeWork = workers.call(() -> Thread.currentThread().getName()).await(5, TimeUnit.SECONDS);
        String hashing = inline.offEventLoop(() -> Thread.currentThread().getName()).await(5, TimeUnit.SECONDS);

        assertThat(storeWork).startsWith("vert.x-worker-thread");
        assertThat(hashing).startsWith("vert.x-worker-thread");
    }

    @Test
    void workBeyondTheQueuesBound_isRefusedAtOnce_asBusy_andThePlaceFreesWhenWorkEnds() throws Exception {
        Blocking bounded = new Blocking(vertx, true, 2, TimeUnit.SECONDS.toNanos(30));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<String> held = () -> {
            release.await(10, TimeUnit.SECONDS);
            return "done";
        };

        Future<String> first = bounded.call(held);
        Future<String> second = bounded.offEventLoop(held);
        Future<String> third = bounded.call(() -> "never run");

        assertThat(third.failed()).isTrue();
        assertThat(third.cause()).isInstanceOf(io.agentevents.application.port.in.ServiceBusyException.class);
        release.countDown();
        assertThat(first.await(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(second.await(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(bounded.call(() -> "room again").await(5, TimeUnit.SECONDS)).isEqualTo("room again");
    }

    @Test
    void workThatWaitedPastItsBudget_answersBusy_insteadOfRunning() {
        Blocking impatient = new Blocking(vertx, true, 10, 0);
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();

        Future<Boolean> late = impatient.call(() -> ran.getAndSet(true));

        assertThatThrownBy(() -> late.await(5, TimeUnit.SECONDS))
                .isInstanceOf(io.agentevents.application.port.in.ServiceBusyException.class);
        assertThat(ran).isFalse();
    }
}
