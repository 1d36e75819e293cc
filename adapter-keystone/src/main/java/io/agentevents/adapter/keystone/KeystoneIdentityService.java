package io.agentevents.adapter.keystone;

import io.agentevents.application.port.out.access.IdentityGrant;
import io.agentevents.application.port.out.access.IdentityService;
import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * User tokens validated by Keystone v3 ({@code GET /v3/auth/tokens} with {@code X-Subject-Token}),
 * with this service's own token, over Vert.x's non-blocking client: a bounded pool of
 * connections, a bounded queue before it, and a deadline on every validation.
 */
public final class KeystoneIdentityService implements IdentityService, AutoCloseable {

    /** Longer than any Keystone token we have seen (Fernet ones are under 255 characters). */
    static final int MAX_TOKEN_LENGTH = 4_096;
    static final int KEEP_ALIVE_SECONDS = 3;
    /** Readiness asks Keystone only when no call reached it for this long. */
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Vertx vertx;
    private final KeystoneSettings settings;
    private final WebClient client;
    private final ServiceToken serviceToken;
    private final KeystoneHealth health;
    private final MeterRegistry meters;

    public KeystoneIdentityService(Vertx vertx, KeystoneSettings settings, Clock clock, MeterRegistry meters) {
        this.vertx = vertx;
        this.settings = settings;
        this.meters = meters;
        this.client = WebClient.create(vertx, new WebClientOptions()
                        .setConnectTimeout((int) settings.timeout().toMillis())
                        .setUserAgent("agent-events")
                        // Closed before the server's own idle timeout (Apache's is 5 s) closes it under a request.
                        .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                        .setFollowRedirects(false),
                new PoolOptions().setHttp1MaxSize(settings.maxConcurrentCalls())
                        .setMaxWaitQueueSize(KeystoneSettings.MAX_WAITING_CALLS));
        this.health = new KeystoneHealth(settings.url().toString());
        this.serviceToken = new ServiceToken(settings, clock, body -> timed("sign_in",
                () -> client.postAbs(settings.endpoint("/auth/tokens?nocatalog")).timeout(timeoutMillis())
                        .sendJsonObject(body)));
    }

    @Override
    public CompletionStage<Optional<IdentityGrant>> validate(String userToken) {
        if (!looksLikeAToken(userToken)) {
            // Keystone's tokens are short and printable; anything else it could not know either.
            return Future.succeededFuture(Optional.<IdentityGrant>empty()).toCompletionStage();
        }
        return withDeadline(() -> validate(userToken, true)).toCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> reachable() {
        if (health.reachedWithin(FRESH_NANOS) && !health.isLost()) {
            return Future.succeededFuture(true).toCompletionStage();
        }
        return withDeadline(() -> serviceToken.current()
                .compose(token -> timed("probe", () -> request(client.getAbs(settings.endpoint("")), token).send()))
                .compose(response -> response.statusCode() < 500
                        ? Future.succeededFuture(true)
                        : Future.failedFuture(new IdentityUnavailableException("it answered " + response.statusCode()))))
                .otherwise(false).toCompletionStage();
    }

    private Future<Optional<IdentityGrant>> validate(String userToken, boolean mayRenew) {
        return serviceToken.current().compose(token -> timed("validate", () -> request(
                        client.getAbs(settings.endpoint("/auth/tokens?nocatalog")), token)
                        .putHeader("X-Subject-Token", userToken).send())
                .compose(response -> switch (response.statusCode()) {
                    case 200 -> Future.succeededFuture(Optional.of(KeystoneAnswers.grantOf(response.bodyAsJsonObject())));
                    case 400, 404 -> Future.succeededFuture(Optional.<IdentityGrant>empty());
                    case 401 -> {
                        serviceToken.forget(token);
                        yield mayRenew ? validate(userToken, false) : Future.failedFuture(new IdentityUnavailableException(
                                "the identity service does not take this service's own token"));
                    }
                    case 403 -> Future.failedFuture(new IdentityUnavailableException("this service's account ("
                            + settings.user() + ") may not validate tokens; give it the service or admin role"));
                    default -> Future.failedFuture(new IdentityUnavailableException(
                            "the identity service answered " + response.statusCode()));
                }));
    }

    private HttpRequest<Buffer> request(HttpRequest<Buffer> request, String serviceToken) {
        return request.timeout(timeoutMillis()).putHeader("X-Auth-Token", serviceToken)
                .putHeader("Accept", "application/json");
    }

    /** Times one call to Keystone; an answer of any status means it was reached. */
    private Future<HttpResponse<Buffer>> timed(String call, Supplier<Future<HttpResponse<Buffer>>> send) {
        long started = System.nanoTime();
        Future<HttpResponse<Buffer>> sent;
        try {
            sent = send.get();
        } catch (RuntimeException refused) {
            sent = Future.failedFuture(refused);
        }
        return sent.andThen(done -> {
            Timer.builder("agent.events.identity.calls")
                    .description("calls to the identity service, by call and by whether it answered")
                    .tags("call", call, "outcome", done.succeeded() ? "answered" : "failed")
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (done.succeeded() && done.result().statusCode() < 500) {
                health.reached();
            }
        });
    }

    /** Fails with {@link IdentityUnavailableException} at the deadline, or with the cause as one. */
    private <T> Future<T> withDeadline(Supplier<Future<T>> call) {
        Promise<T> answer = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis(), fired -> {
            if (answer.tryFail(new IdentityUnavailableException("the identity service did not answer within "
                    + timeoutMillis() + " ms; retry shortly"))) {
                health.lost("no answer within " + timeoutMillis() + " ms");
            }
        });
        Future<T> started;
        try {
            started = call.get();
        } catch (RuntimeException failed) {
            started = Future.failedFuture(failed);
        }
        started.onComplete(done -> {
            vertx.cancelTimer(timer);
            if (done.succeeded()) {
                answer.tryComplete(done.result());
                return;
            }
            IdentityUnavailableException unavailable = done.cause() instanceof IdentityUnavailableException known
                    ? known
                    : new IdentityUnavailableException("the identity service cannot be reached ("
                    + done.cause().getClass().getSimpleName() + ": " + done.cause().getMessage() + "); retry shortly",
                    done.cause());
            if (answer.tryFail(unavailable)) {
                health.lost(unavailable.getMessage());
            }
        });
        return answer.future();
    }

    private long timeoutMillis() {
        return settings.timeout().toMillis();
    }

    private static boolean looksLikeAToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        client.close();
    }
}
