package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.IdentityGrant;
import io.agentevents.application.port.out.access.IdentityService;
import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.agentevents.application.service.access.IdentifyCallerService;
import io.agentevents.application.service.access.RememberedIdentities;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.access.UserCaller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** User tokens the identity service vouches for: remembered, shared, refused and unavailable. */
class IdentifyWithIdentityServiceTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    /** An identity service whose answers the test gives, one call at a time. */
    private static final class ScriptedIdentityService implements IdentityService {
        final List<String> asked = new ArrayList<>();
        final List<CompletableFuture<Optional<IdentityGrant>>> pending = new ArrayList<>();

        @Override
        public CompletionStage<Optional<IdentityGrant>> validate(String userToken) {
            asked.add(userToken);
            CompletableFuture<Optional<IdentityGrant>> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        }

        @Override
        public CompletionStage<Boolean> reachable() {
            return CompletableFuture.completedFuture(true);
        }

        void answerLast(Optional<IdentityGrant> grant) {
            pending.get(pending.size() - 1).complete(grant);
        }
    }

    private final InMemoryApplication app = new InMemoryApplication();
    private final ScriptedIdentityService identityService = new ScriptedIdentityService();
    private final RememberedIdentities identities = new RememberedIdentities(identityService, TTL, app.clock);
    private final IdentifyCallerService identify = new IdentifyCallerService(app.userTokens, app.agentTokens,
            app.storeCalls, app.clock, app.stamps, Optional.of(identities));
    private final Secret userToken = new Secret("gAAAAA-keystone-token");

    private IdentityGrant grant(Set<String> roles, Instant expiresAt) {
        return new IdentityGrant(Optional.of(app.project), roles, expiresAt);
    }

    private Instant inAnHour() {
        return app.clock.instant().plus(Duration.ofHours(1));
    }

    @Test
    void aVouchedToken_isTheUserOfItsProject_withItsWidestRole_andIsRemembered() {
        CompletionStage<Caller> first = identify.identify(userToken);
        assertThat(first.toCompletableFuture()).isNotDone();
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:observer", "admin", "member"), inAnHour())));

        assertThat(awaited(first)).isEqualTo(new UserCaller(app.project, Role.ADMIN));
        assertThat(identify.identify(userToken).toCompletableFuture())
                .isCompletedWithValue(new UserCaller(app.project, Role.ADMIN));
        assertThat(identityService.asked).containsExactly(userToken.value());
        assertThat(identities.counters().acceptedCount()).isEqualTo(1);
        assertThat(identities.counters().rememberedCount()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsOfOneToken_shareOneCall() {
        CompletionStage<Caller> first = identify.identify(userToken);
        CompletionStage<Caller> second = identify.identify(userToken);
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:creator"), inAnHour())));

        assertThat(awaited(first)).isEqualTo(awaited(second)).isEqualTo(new UserCaller(app.project, Role.CREATOR));
        assertThat(identityService.asked).hasSize(1);
        assertThat(identities.counters().joinedCount()).isEqualTo(1);
    }

    @Test
    void aVouchedToken_isAskedAgainAfterTheTtl_soARevokedOneIsRefusedByThen() {
        identify.identify(userToken);
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:admin"), inAnHour())));
        app.clock.advanceBy(TTL.minusSeconds(1));
        assertThat(identify.identify(userToken).toCompletableFuture()).isDone();

        app.clock.advanceBy(Duration.ofSeconds(1));
        CompletionStage<Caller> afterTtl = identify.identify(userToken);
        identityService.answerLast(Optional.empty()); // revoked meanwhile

        assertThatThrownBy(() -> awaited(afterTtl)).isInstanceOf(NotAuthenticatedException.class);
        assertThat(identityService.asked).hasSize(2);
    }

    @Test
    void aTokenInUse_isValidatedAgainShortlyBeforeItsVerdictRunsOut_withoutARequestWaiting() {
        identify.identify(userToken);
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:admin"), inAnHour())));
        app.clock.advanceBy(TTL.minus(RememberedIdentities.REFRESH_AHEAD).minusSeconds(1));
        assertThat(identify.identify(userToken).toCompletableFuture()).isDone();
        assertThat(identityService.asked).as("not yet").hasSize(1);

        app.clock.advanceBy(Duration.ofSeconds(1));
        assertThat(identify.identify(userToken).toCompletableFuture()).as("answered meanwhile").isDone();
        assertThat(identify.identify(userToken).toCompletableFuture()).isDone();
        assertThat(identityService.asked).as("one validation ahead").hasSize(2);
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:admin"), inAnHour())));

        app.clock.advanceBy(RememberedIdentities.REFRESH_AHEAD);
        assertThat(identify.identify(userToken).toCompletableFuture()).as("the renewed verdict").isDone();
        assertThat(identityService.asked).hasSize(2);
        assertThat(identities.counters().joinedCount()).isZero();
    }

    @Test
    void aTokenRevokedMeanwhile_isRefusedOnceTheValidationAheadSaysSo() {
        identify.identify(userToken);
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:admin"), inAnHour())));
        app.clock.advanceBy(TTL.minus(RememberedIdentities.REFRESH_AHEAD));
        identify.identify(userToken);
        identityService.answerLast(Optional.empty());

        assertThatThrownBy(() -> awaited(identify.identify(userToken))).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void aTokenExpiringBeforeTheTtl_isRememberedOnlyUntilItExpires() {
        identify.identify(userToken);
        identityService.answerLast(Optional.of(grant(Set.of("cloudBackup:admin"), app.clock.instant().plusSeconds(5))));
        app.clock.advanceBy(Duration.ofSeconds(4));
        assertThat(identify.identify(userToken).toCompletableFuture()).isDone();
        assertThat(identityService.asked).as("asking again could not make it last longer").hasSize(1);
        app.clock.advanceBy(Duration.ofSeconds(1));

        CompletionStage<Caller> expired = identify.identify(userToken);
        assertThat(identityService.asked).as("asked again once it expired").hasSize(2);
        identityService.answerLast(Optional.empty());
        assertThatThrownBy(() -> awaited(expired)).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void anUnknownToken_isRefusedFromMemoryForAWhile() {
        CompletionStage<Caller> first = identify.identify(userToken);
        identityService.answerLast(Optional.empty());
        assertThatThrownBy(() -> awaited(first)).isInstanceOf(NotAuthenticatedException.class);

        assertThat(identify.identify(userToken).toCompletableFuture()).isCompletedExceptionally();
        app.clock.advanceBy(RememberedIdentities.REFUSAL_TTL);
        identify.identify(userToken);
        assertThat(identityService.asked).hasSize(2);
        assertThat(identities.counters().refusedCount()).isEqualTo(1);
    }

    @Test
    void anUnavailableIdentityService_failsTheRequest_andIsAskedAgainNextTime() {
        CompletionStage<Caller> first = identify.identify(userToken);
        identityService.pending.get(0).completeExceptionally(new IdentityUnavailableException("timed out"));
        assertThatThrownBy(() -> awaited(first)).isInstanceOf(IdentityUnavailableException.class);

        identify.identify(userToken);
        assertThat(identityService.asked).hasSize(2);
        assertThat(identities.counters().unavailableCount()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutACloudBackupRole_orWithoutAProject_isDenied() {
        CompletionStage<Caller> roleless = identify.identify(userToken);
        identityService.answerLast(Optional.of(grant(Set.of("member", "reader"), inAnHour())));
        assertThatThrownBy(() -> awaited(roleless)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("cloudBackup:observer");

        Secret unscoped = new Secret("gAAAAA-unscoped");
        CompletionStage<Caller> noProject = identify.identify(unscoped);
        identityService.answerLast(Optional.of(new IdentityGrant(Optional.empty(), Set.of("admin"), inAnHour())));
        assertThatThrownBy(() -> awaited(noProject)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("no project");
    }

    @Test
    void agentTokensAndTokensFileTokens_neverReachTheIdentityService() {
        Secret agentToken = app.registeredAgentToken();

        assertThat(awaited(identify.identify(agentToken))).isEqualTo(awaited(app.identify.identify(agentToken)));
        assertThat(awaited(identify.identify(app.adminToken))).isEqualTo(app.admin);
        assertThat(identityService.asked).isEmpty();
    }
}
