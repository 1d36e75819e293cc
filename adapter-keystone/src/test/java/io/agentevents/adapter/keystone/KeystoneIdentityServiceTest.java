package io.agentevents.adapter.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.access.IdentityGrant;
import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.agentevents.domain.MutableClock;
import io.agentevents.domain.ProjectId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of Keystone's protocol against a stand-in that answers as the test says: the
 * cases a healthy Keystone does not produce on demand (its own token refused, unreadable or slow
 * answers). The real Keystone is driven by the service's end-to-end identity tests.
 */
class KeystoneIdentityServiceTest {

    private static final String PROJECT = "0f5c1d3f7a9e4b6c8d0e2f4a6b8c0d2e";
    private static final String VALID = """
            {"token": {"expires_at": "2099-01-01T00:00:00.000000Z", "project": {"id": "%s", "name": "acme"},
             "roles": [{"id": "r1", "name": "cloudBackup:creator"}, {"id": "r2", "name": "member"}]}}""".formatted(PROJECT);

    private final Vertx vertx = Vertx.vertx();
    private final List<String> signIns = new CopyOnWriteArrayList<>();
    private final List<String> validatedWith = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Consumer<HttpServerRequest> onValidate = request -> request.response().setStatusCode(200)
            .putHeader("Content-Type", "application/json").end(VALID);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private volatile String serviceTokenExpiry = "2099-01-01T00:00:00.000000Z";
    private HttpServer keystone;
    private KeystoneIdentityService service;

    private KeystoneIdentityService start(Duration timeout) {
        keystone = vertx.createHttpServer().requestHandler(request -> {
            if (request.method().name().equals("POST")) {
                request.body().onSuccess(body -> {
                    signIns.add(body.toString());
                    request.response().setStatusCode(201).putHeader("X-Subject-Token", "service-" + issued.incrementAndGet())
                            .putHeader("Content-Type", "application/json")
                            .end("{\"token\": {\"expires_at\": \"" + serviceTokenExpiry + "\"}}");
                });
            } else if (request.path().endsWith("/auth/tokens")) {
                validatedWith.add(request.getHeader("X-Auth-Token"));
                onValidate.accept(request);
            } else {
                request.response().setStatusCode(200).end("{}");
            }
        }).listen(0).await();
        service = new KeystoneIdentityService(vertx, new KeystoneSettings(
                URI.create("http://127.0.0.1:" + keystone.actualPort() + "/v3/"), "agent-events", "service", "Default",
                "s3cret", timeout, 4), clock, new SimpleMeterRegistry());
        return service;
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private static <T> T awaited(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    @Test
    void aValidToken_grantsItsProjectRolesAndExpiry_signingInOnceForMany() {
        start(Duration.ofSeconds(2));

        Optional<IdentityGrant> grant = awaited(service.validate("user-token-1"));
        awaited(service.validate("user-token-2"));

        assertThat(grant).hasValueSatisfying(granted -> {
            assertThat(granted.project()).contains(new ProjectId(PROJECT));
            assertThat(granted.roleNames()).containsExactlyInAnyOrder("cloudBackup:creator", "member");
            assertThat(granted.expiresAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        });
        assertThat(signIns).hasSize(1);
        assertThat(signIns.get(0)).contains("\"name\":\"agent-events\"", "\"password\":\"s3cret\"", "\"name\":\"service\"");
        assertThat(validatedWith).containsExactly("service-1", "service-1");
    }

    @Test
    void anUnknownToken_isNoGrant() {
        onValidate = request -> request.response().setStatusCode(404).end("{\"error\": {\"code\": 404}}");
        start(Duration.ofSeconds(2));

        assertThat(awaited(service.validate("gAAAAA-unknown"))).isEmpty();
    }

    @Test
    void whenKeystoneNoLongerTakesItsToken_theServiceSignsInAgain_andRetriesOnce() {
        AtomicInteger calls = new AtomicInteger();
        onValidate = request -> {
            if (calls.incrementAndGet() == 1) {
                request.response().setStatusCode(401).end();
            } else {
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(VALID);
            }
        };
        start(Duration.ofSeconds(2));

        assertThat(awaited(service.validate("user-token"))).isPresent();
        assertThat(signIns).hasSize(2);
        assertThat(validatedWith).containsExactly("service-1", "service-2");
    }

    @Test
    void theServiceToken_isRenewedShortlyBeforeItExpires() {
        serviceTokenExpiry = clock.instant().plus(Duration.ofHours(1)).toString();
        start(Duration.ofSeconds(2));
        awaited(service.validate("user-token-1"));

        clock.advanceBy(Duration.ofHours(1).minus(ServiceToken.RENEW_BEFORE).minusSeconds(1));
        awaited(service.validate("user-token-2"));
        assertThat(signIns).as("still well before its expiry").hasSize(1);

        clock.advanceBy(Duration.ofSeconds(1));
        awaited(service.validate("user-token-3"));
        assertThat(signIns).as("within the renewal margin").hasSize(2);
        assertThat(validatedWith).containsExactly("service-1", "service-1", "service-2");
    }

    @Test
    void anUnreadableAnswer_aRefusedAccount_orAServerError_areUnavailable_never401() {
        onValidate = request -> request.response().setStatusCode(200).end("not json");
        start(Duration.ofSeconds(2));
        assertThatThrownBy(() -> awaited(service.validate("t"))).hasCauseInstanceOf(IdentityUnavailableException.class);

        onValidate = request -> request.response().setStatusCode(403).end();
        assertThatThrownBy(() -> awaited(service.validate("t"))).hasCauseInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("may not validate tokens");

        onValidate = request -> request.response().setStatusCode(503).end();
        assertThatThrownBy(() -> awaited(service.validate("t"))).hasCauseInstanceOf(IdentityUnavailableException.class);
        assertThat(awaited(service.reachable())).isTrue(); // it answers, just not well
    }

    @Test
    void aSlowKeystone_failsTheValidationAtTheDeadline() {
        onValidate = request -> { }; // never answers
        start(Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> awaited(service.validate("t"))).hasCauseInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aKeystoneThatIsDown_isUnavailable_andNotReachable() {
        start(Duration.ofSeconds(1));
        keystone.close().await();

        assertThatThrownBy(() -> awaited(service.validate("t"))).hasCauseInstanceOf(IdentityUnavailableException.class);
        assertThat(awaited(service.reachable())).isFalse();
    }

    @Test
    void aTokenNoKeystoneCouldHaveIssued_isNoGrant_withoutAsking() {
        start(Duration.ofSeconds(2));

        assertThat(awaited(service.validate("with space"))).isEmpty();
        assertThat(awaited(service.validate("caf\u00e9"))).isEmpty();
        assertThat(awaited(service.validate("x".repeat(KeystoneIdentityService.MAX_TOKEN_LENGTH + 1)))).isEmpty();
        assertThat(validatedWith).isEmpty();
    }
}
