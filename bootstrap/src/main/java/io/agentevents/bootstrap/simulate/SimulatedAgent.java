package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One simulated backup agent, all asynchronous: it polls its feed on the schedule the service
 * tells it (long-polling in real_time), heartbeats on the schedule of its mode, notes how long
 * each activation took to reach it, and answers what it is asked ({@link RequestAnswers}).
 */
final class SimulatedAgent {

    /**
     * The agent's identity, as kept in the state file, with the last token it was given (reused
     * while valid: signing in costs the server a slow password hash).
     */
    record Identity(String project, String id, String password, String fingerprint, String token, Instant tokenExpires) {

        Identity(String project, String id, String password, String fingerprint) {
            this(project, id, password, fingerprint, null, Instant.EPOCH);
        }

        boolean hasTokenValidFor(Duration margin) {
            return token != null && Instant.now().plus(margin).isBefore(tokenExpires);
        }
    }

    private static final long REQUEST_TIMEOUT_MILLIS = 45_000;
    private static final long RETRY_MILLIS = 1_000;

    private final Identity identity;
    private final String project;
    private final Vertx vertx;
    private final ApiClient api;
    private final SimulationStats stats;
    private final Map<String, Long> heartbeatEveryMillis;
    private final RequestAnswers answers;
    private volatile String token;
    private volatile String mode = "idle";
    private volatile long marker;
    /** Epoch millis of the last answer that showed the agent alive: a primitive, as it changes at every poll. */
    private volatile long lastSeenOkMillis;
    private volatile Instant startedAt = Instant.MAX;
    private volatile boolean running;
    private long heartbeatTimer = -1;

    SimulatedAgent(Identity identity, Vertx vertx, ApiClient api, SimulationStats stats,
                   Map<String, Long> heartbeatEveryMillis) {
        this.identity = identity;
        this.project = identity.project();
        this.vertx = vertx;
        this.api = api;
        this.stats = stats;
        this.heartbeatEveryMillis = heartbeatEveryMillis;
        this.answers = new RequestAnswers(api, "/v2/" + project + "/agents/" + identity.id());
    }

    String id() {
        return identity.id();
    }

    String mode() {
        return mode;
    }

    String project() {
        return project;
    }

    /** Whether its last heartbeat or poll succeeded within the online window of its mode. */
    boolean looksOnline(Instant now) {
        long window = 3 * heartbeatEveryMillis.getOrDefault(mode, 1_000L) + 2_000;
        return running && now.toEpochMilli() - lastSeenOkMillis <= window;
    }

    private String path(String suffix) {
        return "/v2/" + project + "/agents/" + identity.id() + suffix;
    }

    /** The identity to keep in the state file, with the token in use. */
    Identity identity() {
        return new Identity(project, identity.id(), identity.password(), identity.fingerprint(), token, tokenExpires);
    }

    private volatile Instant tokenExpires = Instant.EPOCH;

    /** Signs in with the agent's password (unless its last token is still good), announces its start-up, then runs. */
    Future<Void> start() {
        Future<ApiClient.Answer> startup;
        if (identity.hasTokenValidFor(Duration.ofHours(1))) {
            token = identity.token();
            tokenExpires = identity.tokenExpires();
            startup = announceStartup().compose(answer -> answer.status() == 401 ? signIn() : Future.succeededFuture(answer));
        } else {
            startup = signIn();
        }
        return startup.map(started -> {
                    startedAt = Instant.now();
                    running = true;
                    lastSeenOkMillis = System.currentTimeMillis();
                    poll();
                    heartbeat();
                    return null;
                });
    }

    private Future<ApiClient.Answer> signIn() {
        JsonObject credentials = SimulatedHost.signIn(project, identity.id(), identity.password(), identity.fingerprint());
        return api.send(HttpMethod.POST, "/v2/" + project + "/agents/tokens", null, credentials, REQUEST_TIMEOUT_MILLIS)
                .compose(answer -> {
                    if (!answer.ok()) {
                        return Future.failedFuture("agent " + identity.id() + " could not sign in: HTTP " + answer.status()
                                + " " + answer.body().getString("message", ""));
                    }
                    token = answer.body().getJsonObject("token").getString("id");
                    tokenExpires = Instant.parse(answer.body().getJsonObject("token").getString("expires"));
                    return announceStartup();
                });
    }

    private Future<ApiClient.Answer> announceStartup() {
        return api.send(HttpMethod.POST, path("/events"), token, new JsonObject().put("event", "startup"),
                REQUEST_TIMEOUT_MILLIS);
    }

    private void poll() {
        if (!running) {
            return;
        }
        boolean longPoll = mode.equals("real_time");
        String query = "?limit=1000" + (marker > 0 ? "&marker=" + marker : "") + (longPoll ? "&wait=30" : "");
        long sent = System.nanoTime();
        api.send(HttpMethod.GET, path("/events" + query), token, null, REQUEST_TIMEOUT_MILLIS).onComplete(result -> {
            if (result.failed() || !result.result().ok()) {
                vertx.setTimer(RETRY_MILLIS, ignored -> poll());
                return;
            }
            if (!longPoll) {
                stats.checkedIn(System.nanoTime() - sent);
            }
            ApiClient.Answer answer = result.result();
            lastSeenOkMillis = System.currentTimeMillis();
            String newMode = answer.headers().get("X-Agent-Mode");
            if (newMode != null && !newMode.equals(mode)) {
                mode = newMode;
                rescheduleHeartbeat();
            }
            follow(answer.body().getJsonArray("events", new JsonArray()), longPoll);
            long interval = parseLong(answer.headers().get("X-Poll-Interval-Ms"), 1_000);
            if (answer.headers().get("X-Long-Poll-Max-S") != null) {
                vertx.runOnContext(ignored -> poll());
            } else {
                vertx.setTimer(Math.max(1, interval), ignored -> poll());
            }
        });
    }

    private void follow(JsonArray events, boolean longPolled) {
        Instant seen = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            JsonObject event = events.getJsonObject(i);
            marker = Math.max(marker, parseLong(event.getString("id"), marker));
            // What was asked or activated before this agent started is history: no delay, nothing to answer.
            boolean current = !Instant.parse(event.getString("time")).isBefore(startedAt);
            if ("agent_activate".equals(event.getString("event")) && current) {
                stats.delay(Duration.between(Instant.parse(event.getString("time")), seen), deliveryOf(event, longPolled));
            } else if (current) {
                answers.answer(event, token);
            }
        }
    }

    private static SimulationStats.Delivery deliveryOf(JsonObject activation, boolean longPolled) {
        if (!longPolled) {
            return SimulationStats.Delivery.POLLING;
        }
        // Only an activation of one agent names the agent.
        return activation.containsKey("agent") ? SimulationStats.Delivery.LONG_POLL_ONE_AGENT
                : SimulationStats.Delivery.LONG_POLL_PROJECT_WIDE;
    }

    private void heartbeat() {
        if (!running) {
            return;
        }
        api.send(HttpMethod.POST, path("/events"), token, new JsonObject().put("event", "heartbeat").put("busy", false),
                REQUEST_TIMEOUT_MILLIS).onSuccess(answer -> {
                    if (answer.ok()) {
                        lastSeenOkMillis = System.currentTimeMillis();
                    }
                });
        heartbeatTimer = vertx.setTimer(heartbeatEveryMillis.getOrDefault(mode, 1_000L), ignored -> heartbeat());
    }

    private void rescheduleHeartbeat() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        heartbeat();
    }

    /** Stops its loops and announces its shutdown. */
    Future<Void> stop() {
        running = false;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        if (token == null) {
            return Future.succeededFuture();
        }
        return api.send(HttpMethod.POST, path("/events"), token, new JsonObject().put("event", "shutdown"), 5_000)
                .mapEmpty();
    }

    private static long parseLong(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }
}
