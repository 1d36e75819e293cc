package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.IdempotencyConflictException;
import io.agentevents.application.port.in.idempotency.OnceOutcome;
import io.agentevents.application.port.in.idempotency.RunOnceCommand;
import io.agentevents.domain.access.Caller;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();
    /** How many times a request was carried out. */
    private final AtomicInteger carriedOut = new AtomicInteger();

    /** A request that answers {@code answer}, kept as {@code "kept " + answer}. */
    private CompletionStage<OnceOutcome<String>> run(Caller caller, String key, String fingerprint, String answer) {
        return app.runOnce.runOnce(new RunOnceCommand(caller, key, fingerprint), () -> {
            carriedOut.incrementAndGet();
            return CompletableFuture.completedFuture(answer);
        }, result -> "kept " + result);
    }

    private OnceOutcome<String> run(String key, String fingerprint, String answer) {
        return awaited(run(app.admin, key, fingerprint, answer));
    }

    @Test
    void newKey_carriesTheRequestOut() {
        assertThat(run("k0", "POST /events abc", "202")).isEqualTo(new OnceOutcome.CarriedOut<>("202"));
        assertThat(carriedOut).hasValue(1);
    }

    @Test
    void sameKeyAndRequest_afterTheFirstFinished_isReplayedWithTheKeptAnswer() {
        run("k1", "POST /events abc", "202");

        assertThat(run("k1", "POST /events abc", "another")).isEqualTo(new OnceOutcome.Replayed<String>("kept 202"));
        assertThat(carriedOut).as("a replay does not carry the request out again").hasValue(1);
    }

    @Test
    void sameKeyWithAnotherRequest_isAConflict() {
        run("k2", "POST /events abc", "202");

        assertThatThrownBy(() -> run("k2", "POST /events xyz", "202"))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("another request");
    }

    @Test
    void sameKeyWhileTheFirstIsRunning_isAConflict() {
        CompletableFuture<String> first = new CompletableFuture<>();
        var running = app.runOnce.runOnce(new RunOnceCommand(app.admin, "k3", "POST /events abc"), () -> first,
                result -> result);

        assertThatThrownBy(() -> run("k3", "POST /events abc", "202"))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("still being carried out");
        first.complete("202");
        assertThat(awaited(running)).isEqualTo(new OnceOutcome.CarriedOut<>("202"));
    }

    @Test
    void failedRequest_failsWithItsOwnFailure_andReleasesTheKey() {
        var failed = app.runOnce.runOnce(new RunOnceCommand(app.admin, "k4", "POST /events abc"),
                () -> CompletableFuture.<String>failedFuture(new AccessDeniedException("no")), result -> result);

        assertThatThrownBy(() -> awaited(failed)).isInstanceOf(AccessDeniedException.class);
        assertThat(run("k4", "POST /events abc", "202")).isEqualTo(new OnceOutcome.CarriedOut<>("202"));
    }

    @Test
    void requestThrowingAtOnce_releasesTheKeyToo() {
        var failed = app.runOnce.runOnce(new RunOnceCommand(app.admin, "k4b", "POST /events abc"), () -> {
            throw new AccessDeniedException("no");
        }, (String result) -> result);

        assertThatThrownBy(() -> awaited(failed)).isInstanceOf(AccessDeniedException.class);
        assertThat(run("k4b", "POST /events abc", "202")).isInstanceOf(OnceOutcome.CarriedOut.class);
    }

    @Test
    void key_isForgottenAfter24Hours() {
        run("k5", "POST /events abc", "202");
        app.clock.advanceBy(Duration.ofHours(24));

        assertThat(run("k5", "POST /events xyz", "201")).isEqualTo(new OnceOutcome.CarriedOut<>("201"));
    }

    @Test
    void keysOfDifferentProjects_neverCollide() {
        run("shared", "POST /events abc", "202");

        assertThat(awaited(run(app.otherAdmin, "shared", "POST /events abc", "202")))
                .isInstanceOf(OnceOutcome.CarriedOut.class);
    }

    @Test
    void malformedKey_isRejectedWhileParsing() {
        assertThatThrownBy(() -> new RunOnceCommand(app.admin, "has space", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> new RunOnceCommand(app.admin, "x".repeat(256), "f"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
