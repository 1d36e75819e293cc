package io.agentevents.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StagesTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aStageCompletingLater_answersWhenItCompletes_withTheFailureItself() throws Exception {
        CompletableFuture<String> commit = new CompletableFuture<>();

        Future<String> answered = Stages.onContext(commit.thenApply(value -> value + " later"), vertx);
        Future<String> failed = Stages.onContext(CompletableFuture.<String>failedFuture(new IllegalStateException("store down"))
                .thenApply(value -> value), vertx);

        assertThat(answered.isComplete()).isFalse();
        commit.complete("committed");
        assertThat(answered.await(5, TimeUnit.SECONDS)).isEqualTo("committed later");
        assertThatThrownBy(() -> failed.await(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessage("store down");
    }

    @Test
    void aStageAlreadyComplete_isTakenAsItIs() {
        Future<String> known = Stages.onContext(CompletableFuture.completedFuture("from memory"), vertx);
        Future<String> refused = Stages.onContext(CompletableFuture.<String>completedFuture("x")
                .thenApply(value -> { throw new IllegalArgumentException("refused"); }), vertx);

        assertThat(known.succeeded()).isTrue();
        assertThat(known.result()).isEqualTo("from memory");
        assertThat(refused.failed()).isTrue();
        assertThat(refused.cause()).isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
    }
}
