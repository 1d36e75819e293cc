package io.agentevents.adapter.keystone;

import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * This service's own Keystone token, which lets it validate users' tokens: signed in to on first
 * use, renewed a while before it expires or when Keystone no longer takes it. Concurrent requests
 * for it share one sign-in.
 */
final class ServiceToken {

    /** Renewed this long before it expires (or at half its life, if that is sooner). */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private record Held(String token, Instant renewAt) {
    }

    private final KeystoneSettings settings;
    private final Clock clock;
    private final Function<JsonObject, Future<HttpResponse<Buffer>>> post;
    private volatile Held held;
    private Future<String> signingIn;

    /** @param post sends a sign-in body to {@code POST /v3/auth/tokens} */
    ServiceToken(KeystoneSettings settings, Clock clock, Function<JsonObject, Future<HttpResponse<Buffer>>> post) {
        this.settings = settings;
        this.clock = clock;
        this.post = post;
    }

    Future<String> current() {
        Held now = held;
        if (now != null && clock.instant().isBefore(now.renewAt())) {
            return Future.succeededFuture(now.token());
        }
        synchronized (this) {
            if (signingIn == null) {
                signingIn = signIn().andThen(done -> {
                    synchronized (this) {
                        signingIn = null;
                    }
                });
            }
            return signingIn;
        }
    }

    /** Keystone no longer takes {@code token}: the next use signs in again. */
    void forget(String token) {
        Held now = held;
        if (now != null && now.token().equals(token)) {
            held = null;
        }
    }

    private Future<String> signIn() {
        return post.apply(signInBody()).compose(response -> {
            String token = response.getHeader("X-Subject-Token");
            if (response.statusCode() == 401) {
                return Future.failedFuture(new IdentityUnavailableException("the identity service refused this "
                        + "service's own account (user " + settings.user() + " of project " + settings.project() + ")"));
            }
            if (response.statusCode() != 201 || token == null) {
                return Future.failedFuture(new IdentityUnavailableException(
                        "the identity service answered " + response.statusCode() + " to this service's sign-in"));
            }
            Instant issued = clock.instant();
            Instant expires = KeystoneAnswers.expiresAt(response.bodyAsJsonObject());
            Duration life = Duration.between(issued, expires);
            Duration early = life.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? life.dividedBy(2) : RENEW_BEFORE;
            held = new Held(token, expires.minus(early));
            return Future.succeededFuture(token);
        });
    }

    private JsonObject signInBody() {
        JsonObject domain = new JsonObject().put("name", settings.domain());
        JsonObject user = new JsonObject().put("name", settings.user()).put("domain", domain)
                .put("password", settings.password());
        JsonObject identity = new JsonObject().put("methods", new JsonArray().add("password"))
                .put("password", new JsonObject().put("user", user));
        JsonObject scope = new JsonObject().put("project",
                new JsonObject().put("name", settings.project()).put("domain", domain));
        return new JsonObject().put("auth", new JsonObject().put("identity", identity).put("scope", scope));
    }
}
