package io.agentevents.bootstrap.simulate;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client asking the simulated agents to browse their files at a steady rate, each through
 * another node than the agent's, then waiting on that node for the answer ({@code wait=30}): the
 * round trip from the request sent to the answer read, which crosses nodes twice when there are
 * several, in two legs: until the 202 (the request stored, the client's own request queued and
 * served), and from the 202 to the answer read (comparable to an activation's delay, which also
 * starts once it is stored).
 */
final class RequestDriver {

    private static final long TIMEOUT_MILLIS = 45_000;

    private final Vertx vertx;
    private final List<SimulateOptions.Tenant> tenants;
    private final List<ApiClient> nodes;
    private final List<SimulatedAgent> agents;
    private final SimulationStats stats;
    private long timer = -1;

    RequestDriver(Vertx vertx, List<SimulateOptions.Tenant> tenants, List<ApiClient> nodes, List<SimulatedAgent> agents,
                  SimulationStats stats) {
        this.vertx = vertx;
        this.tenants = tenants;
        this.nodes = nodes;
        this.agents = agents;
        this.stats = stats;
    }

    void browse(double requestsPerSecond) {
        if (requestsPerSecond > 0) {
            long every = Math.max(1, Math.round(1_000 / requestsPerSecond));
            timer = vertx.setPeriodic(every, ignored -> browseOneAgent());
        }
    }

    private void browseOneAgent() {
        int index = ThreadLocalRandom.current().nextInt(agents.size());
        ApiClient otherNode = nodes.get((index + 1) % nodes.size());
        SimulatedAgent agent = agents.get(index);
        String token = tenants.get(index % tenants.size()).token(); // agent i belongs to tenant i mod n (Fleet)
        long sent = System.nanoTime();
        otherNode.send(HttpMethod.POST, "/v2/" + agent.project() + "/agents/" + agent.id() + "/browse-requests", token,
                new JsonObject().put("path", "/var/backups"), TIMEOUT_MILLIS).onSuccess(asked -> {
                    String location = asked.headers().get("Location");
                    if (!asked.ok() || location == null) {
                        return;
                    }
                    long accepted = System.nanoTime();
                    String answer = location.replaceFirst("^https?://[^/]+", "");
                    otherNode.send(HttpMethod.GET, answer + "?wait=30", token, null, TIMEOUT_MILLIS).onSuccess(read -> {
                        if (read.ok()) {
                            stats.browsed(Duration.ofNanos(accepted - sent), Duration.ofNanos(System.nanoTime() - accepted));
                        }
                    });
                });
    }

    void stop() {
        vertx.cancelTimer(timer);
    }
}
