package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
}
