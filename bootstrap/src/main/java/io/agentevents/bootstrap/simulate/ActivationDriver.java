package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's own activations, posted as control panels would: project-wide ones re-posted
 * to keep every project in a mode; a share of the projects woken to active at random, half of
 * them renewed once, the others left to run out; and single-agent real_time activations at a
 * steady rate, each posted through another node than the one its agent talks to, so the delays
 * measured cross nodes whenever there are several.
 */
final class ActivationDriver {

    /** Shorter than the default 75 s lifetime of active and real_time, with room to spare. */
    private static final long KEEP_MODE_EVERY_MILLIS = 30_000;
    /** When a woken project that is to be renewed is woken again. */
    private static final long RENEW_AFTER_MILLIS = 30_000;

    private final Vertx vertx;
    private final List<SimulateOptions.Tenant> tenants;
    private final List<ApiClient> panels;
    private final List<SimulatedAgent> agents;
    private final List<Long> timers = new CopyOnWriteArrayList<>();
    private final AtomicLong projectsWoken = new AtomicLong();

    ActivationDriver(Vertx vertx, List<SimulateOptions.Tenant> tenants, List<ApiClient> panels, List<SimulatedAgent> agents) {
        this.vertx = vertx;
        this.tenants = tenants;
        this.panels = panels;
        this.agents = agents;
    }

    /**
     * Puts every project in the mode before the agents start, so their first poll already tells
     * them (an idle agent would otherwise hear of it only at its next poll).
     */
    Future<Void> keepMode(Optional<String> keepMode) {
        if (keepMode.isEmpty()) {
            return Future.succeededFuture();
        }
        String mode = keepMode.get();
        timers.add(vertx.setPeriodic(KEEP_MODE_EVERY_MILLIS, ignored -> tenants.forEach(tenant -> activate(tenant, mode))));
        List<Future<Void>> posted = tenants.stream().map(tenant -> activate(tenant, mode).compose(answer -> answer.ok()
                ? Future.<Void>succeededFuture()
                : Future.<Void>failedFuture("the activation of project " + tenant.project() + " was refused: HTTP "
                        + answer.status() + " " + answer.body().getString("message", "")))).toList();
        return Future.all(posted).mapEmpty();
    }

    /**
     * Keeps about {@code percent} % of the projects active: wakes projects at random at the rate
     * that does it, given how long an activation lasts (read off the first one posted).
     */
    Future<Void> wakeProjects(double percent) {
        if (percent <= 0) {
            return Future.succeededFuture();
        }
        SimulateOptions.Tenant first = tenants.get(0);
        projectsWoken.incrementAndGet();
        return activate(first, "active").compose(answer -> panels.get(0).send(HttpMethod.GET, "/v2/" + first.project()
                + "/events?sort_dir=desc&limit=20", first.token(), null, 30_000)).map(page -> {
                    Duration lasts = activationLifetime(page.body().getJsonArray("events", new JsonArray()));
                    // Half are renewed once: on average a woken project stays active for its lifetime plus half a renewal.
                    double activeSeconds = lasts.toMillis() / 1000.0 + 0.5 * RENEW_AFTER_MILLIS / 1000.0;
                    double perSecond = tenants.size() * percent / 100 / activeSeconds;
                    long every = Math.max(1, Math.round(1_000 / perSecond));
                    long each = Math.max(1, Math.round(perSecond * every / 1_000));
                    timers.add(vertx.setPeriodic(every, ignored -> {
                        for (int i = 0; i < each; i++) {
                            wakeOneProject();
                        }
                    }));
                    return null;
                });
    }

    private static Duration activationLifetime(JsonArray events) {
        for (int i = 0; i < events.size(); i++) {
            JsonObject event = events.getJsonObject(i);
            if ("agent_activate".equals(event.getString("event")) && event.getString("expires_at") != null) {
                return Duration.between(Instant.parse(event.getString("time")), Instant.parse(event.getString("expires_at")));
            }
        }
        throw new SimulationException("cannot tell how long an activation lasts: none in the feed of "
                + "the first project");
    }

    private void wakeOneProject() {
        SimulateOptions.Tenant tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
        projectsWoken.incrementAndGet();
        activate(tenant, "active");
        if (ThreadLocalRandom.current().nextBoolean()) {
            vertx.setTimer(RENEW_AFTER_MILLIS, ignored -> activate(tenant, "active"));
        }
    }

    /** Project activations posted by the control panel so far. */
    long projectsWoken() {
        return projectsWoken.get();
    }

    /** Starts posting single-agent activations, once the agents run. */
    void activateAgents(double activationsPerSecond) {
        if (activationsPerSecond > 0) {
            long every = Math.max(1, Math.round(1_000 / activationsPerSecond));
            timers.add(vertx.setPeriodic(every, ignored -> activateOneAgent()));
        }
    }

    private Future<ApiClient.Answer> activate(SimulateOptions.Tenant tenant, String mode) {
        return panels.get(0).send(HttpMethod.POST, "/v2/" + tenant.project() + "/events", tenant.token(),
                new JsonObject().put("event", "agent_activate").put("mode", mode), 30_000);
    }

    private void activateOneAgent() {
        int index = ThreadLocalRandom.current().nextInt(agents.size());
        SimulatedAgent agent = agents.get(index);
        ApiClient otherNode = panels.get((index + 1) % panels.size());
        // Agent i belongs to tenant i mod n (Fleet).
        otherNode.send(HttpMethod.POST, "/v2/" + agent.project() + "/agents/" + agent.id() + "/events",
                tenants.get(index % tenants.size()).token(),
                new JsonObject().put("event", "agent_activate").put("mode", "real_time"), 30_000);
    }

    void stop() {
        timers.forEach(vertx::cancelTimer);
    }
}
