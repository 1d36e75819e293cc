package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.IdempotencyConflictException;
import io.agentevents.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestCommand;
import io.agentevents.application.port.in.idempotency.IdempotencyClaim;
import io.agentevents.application.port.in.idempotency.IdempotentAnswer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();
    private final IdempotentAnswer accepted = new IdempotentAnswer(202, Optional.empty(), "");

    private IdempotencyClaim claim(String key, String fingerprint) {
        return awaited(app.claimKey.claim(new ClaimIdempotencyKeyCommand(app.admin, key, fingerprint)));
    }

    @Test
    void sameKeyAndRequest_afterTheFirstFinished_isReplayed() {
        var claimed = (IdempotencyClaim.Claimed) claim("k1", "POST /events abc");
        awaited(app.finishRequest.finish(new FinishIdempotentRequestCommand(claimed, Optional.of(accepted))));

        assertThat(claim("k1", "POST /events abc")).isEqualTo(new IdempotencyClaim.Replay(accepted));
    }

    @Test
    void sameKeyWithAnotherRequest_isAConflict() {
        var claimed = (IdempotencyClaim.Claimed) claim("k2", "POST /events abc");
        awaited(app.finishRequest.finish(new FinishIdempotentRequestCommand(claimed, Optional.of(accepted))));

        assertThatThrownBy(() -> claim("k2", "POST /events xyz"))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("another request");
    }

    @Test
    void sameKeyWhileTheFirstIsRunning_isAConflict() {
        claim("k3", "POST /events abc");

        assertThatThrownBy(() -> claim("k3", "POST /events abc"))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("still being carried out");
    }

    @Test
    void releasedKey_canBeClaimedAgain() {
        var claimed = (IdempotencyClaim.Claimed) claim("k4", "POST /events abc");
        awaited(app.finishRequest.finish(new FinishIdempotentRequestCommand(claimed, Optional.empty())));

        assertThat(claim("k4", "POST /events abc")).isInstanceOf(IdempotencyClaim.Claimed.class);
    }

    @Test
    void key_isForgottenAfter24Hours() {
        var claimed = (IdempotencyClaim.Claimed) claim("k5", "POST /events abc");
        awaited(app.finishRequest.finish(new FinishIdempotentRequestCommand(claimed, Optional.of(accepted))));
        app.clock.advanceBy(Duration.ofHours(24));

        assertThat(claim("k5", "POST /events xyz")).isInstanceOf(IdempotencyClaim.Claimed.class);
    }

    @Test
    void keysOfDifferentProjects_neverCollide() {
        claim("shared", "POST /events abc");

        assertThat(awaited(app.claimKey.claim(new ClaimIdempotencyKeyCommand(app.otherAdmin, "shared", "POST /events abc"))))
                .isInstanceOf(IdempotencyClaim.Claimed.class);
    }

    @Test
    void malformedKey_isRejectedWhileParsing() {
        assertThatThrownBy(() -> new ClaimIdempotencyKeyCommand(app.admin, "has space", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> new ClaimIdempotencyKeyCommand(app.admin, "x".repeat(256), "f"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
