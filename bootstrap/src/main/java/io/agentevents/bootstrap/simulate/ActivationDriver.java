package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulator's own activations: a project-wide one re-posted to keep the project in a mode,
 * and single-agent real_time activations at a steady rate, each posted through another node than
 * the one its agent talks to, so the delays measured cross nodes whenever there are several.
 */
final class ActivationDriver {

    /** Shorter than the default 75 s lifetime of active and real_time, with room to spare. */
    private static final long KEEP_MODE_EVERY_MILLIS = 30_000;

    private final Vertx vertx;
    private final String project;
    private final String token;
    private final List<ApiClient> nodes;
    private final List<SimulatedAgent> agents;
    private long keepModeTimer = -1;
    private long activateTimer = -1;

    ActivationDriver(Vertx vertx, String project, String token, List<ApiClient> nodes, List<SimulatedAgent> agents) {
        this.vertx = vertx;
        this.project = project;
        this.token = token;
        this.nodes = nodes;
        this.agents = agents;
    }

    /**
     * Puts the project in the mode before the agents start, so their first poll already tells
     * them (an idle agent would otherwise hear of it only at its next hourly poll).
     */
    Future<Void> keepMode(Optional<String> keepMode) {
        if (keepMode.isEmpty()) {
            return Future.succeededFuture();
        }
        String mode = keepMode.get();
        keepModeTimer = vertx.setPeriodic(KEEP_MODE_EVERY_MILLIS, ignored -> activateProject(mode));
        return activateProject(mode).compose(answer -> answer.ok() ? Future.<Void>succeededFuture()
                : Future.failedFuture("the project activation was refused: HTTP " + answer.status() + " "
                        + answer.body().getString("message", "")));
    }

    /** Starts posting single-agent activations, once the agents run. */
    void activateAgents(double activationsPerSecond) {
        if (activationsPerSecond > 0) {
            long every = Math.max(1, Math.round(1_000 / activationsPerSecond));
            activateTimer = vertx.setPeriodic(every, ignored -> activateOneAgent());
        }
    }

    private Future<ApiClient.Answer> activateProject(String mode) {
        return nodes.get(0).send(HttpMethod.POST, "/v2/" + project + "/events", token,
                new JsonObject().put("event", "agent_activate").put("mode", mode), 30_000);
    }

    private void activateOneAgent() {
        int index = ThreadLocalRandom.current().nextInt(agents.size());
        ApiClient otherNode = nodes.get((index + 1) % nodes.size());
        otherNode.send(HttpMethod.POST, "/v2/" + project + "/agents/" + agents.get(index).id() + "/events", token,
                new JsonObject().put("event", "agent_activate").put("mode", "real_time"), 30_000);
    }

    void stop() {
        vertx.cancelTimer(keepModeTimer);
        vertx.cancelTimer(activateTimer);
    }
}
