package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * {@code simulate}: N agents against a running service, with a progress line every second and a
 * summary at the end. The load generator of the benchmarks and a way to watch the system work.
 */
public final class Simulator {

    private final SimulateOptions options;
    private final PrintStream out;
    private final Vertx vertx = Vertx.vertx();
    private final EventLoops loops = new EventLoops(vertx, 2 * Runtime.getRuntime().availableProcessors());
    /** One client per node; agent i talks to node i mod n, set-up goes through the first. */
    private final List<ApiClient> nodes = new ArrayList<>();
    /** A control panel of its own per node, which asks the agents things: it queues behind no agent. */
    private final List<ApiClient> panels = new ArrayList<>();
    private final ApiClient api;
    private final SimulationStats stats = new SimulationStats();
    private final List<SimulatedAgent> agents = new ArrayList<>();
    private final Fleet fleet;

    public Simulator(SimulateOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        // Each agent holds a connection open for its long-poll and needs another for what it sends
        // meanwhile (heartbeats, answers), as a real agent's process does; with fewer, those requests
        // queue in the pool behind each other and the delays measured are the simulator's own.
        int agentsPerNode = (options.agents() + options.urls().size() - 1) / options.urls().size();
        for (URI url : options.urls()) {
            nodes.add(new ApiClient(vertx, url, 2 * agentsPerNode + 64));
            panels.add(new ApiClient(vertx, url, 64));
        }
        this.api = nodes.get(0);
        this.fleet = new Fleet(options, api, loops, out);
    }

    /**
     * Runs until the duration passes or {@code stop} counts down.
     *
     * @return the summary line
     * @throws SimulationException if the agents cannot be registered or signed in
     */
    public String run(CountDownLatch stop) throws InterruptedException {
        try {
            List<SimulatedAgent.Identity> identities = fleet.identities();
            Map<String, Long> heartbeats = heartbeatIntervals(identities.get(0));
            for (int i = 0; i < identities.size(); i++) {
                agents.add(new SimulatedAgent(identities.get(i), options.project(), vertx,
                        nodes.get(i % nodes.size()), stats, heartbeats));
            }
            ActivationDriver driver = new ActivationDriver(vertx, options.project(), options.token(), nodes, agents);
            try {
                loops.onSetUp(() -> driver.keepMode(options.keepMode())).await(30, TimeUnit.SECONDS);
            } catch (RuntimeException refused) {
                throw new SimulationException(refused.getMessage());
            }
            loops.inBatches(IntStream.range(0, agents.size())
                    .mapToObj(i -> (EventLoops.Task) () -> loops.onLoopOf(i, agents.get(i)::start)).toList(),
                    Fleet.SET_UP_CONCURRENCY);
            fleet.saveWithTokensOf(agents, identities);
            out.printf("%d agents running against %s, project %s%n", agents.size(), options.urls(), options.project());
            driver.activateAgents(options.activationsPerSecond());
            RequestDriver asking = new RequestDriver(vertx, options.project(), options.token(), panels, agents, stats);
            asking.browse(options.browsesPerSecond());
            Instant started = Instant.now();
            long requestsBefore = requests();
            long[] lastRequests = {requestsBefore};
            long progress = vertx.setPeriodic(1_000, ignored -> {
                long requests = requests();
                out.println(SimulationReport.progressLine(agents, stats, errors(), started, requests - lastRequests[0]));
                lastRequests[0] = requests;
            });
            boolean stopped = options.duration().isPresent()
                    ? stop.await(options.duration().get().toMillis(), TimeUnit.MILLISECONDS) : awaitForever(stop);
            vertx.cancelTimer(progress);
            driver.stop();
            asking.stop();
            String summary = SimulationReport.summary(agents, stats, errors(), started, stopped, requests() - requestsBefore) + ", "
                    + onlineAsTheServiceSeesIt();
            List<Future<Void>> stops = IntStream.range(0, agents.size())
                    .mapToObj(i -> loops.onLoopOf(i, agents.get(i)::stop)).toList();
            try {
                Future.join(stops).await(10, TimeUnit.SECONDS);
            } catch (TimeoutException slow) {
                // The run is measured; a late shutdown announcement must not lose its summary.
                out.println("warning: not every agent announced its shutdown within 10 s");
            }
            return summary;
        } catch (TimeoutException slow) {
            throw new SimulationException("the service did not answer in time while setting up the agents");
        } finally {
            nodes.forEach(ApiClient::close);
            panels.forEach(ApiClient::close);
            vertx.close();
        }
    }

    private long requests() {
        return java.util.stream.Stream.concat(nodes.stream(), panels.stream()).mapToLong(node -> node.requests.get()).sum();
    }

    private long errors() {
        return java.util.stream.Stream.concat(nodes.stream(), panels.stream()).mapToLong(node -> node.errors.get()).sum();
    }

    private static boolean awaitForever(CountDownLatch stop) throws InterruptedException {
        stop.await();
        return true;
    }

    /**
     * Asks the service for each agent's status: the figure that counts. A status that could not
     * be read is told apart from an agent the service shows offline.
     */
    private String onlineAsTheServiceSeesIt() {
        List<Future<Boolean>> statuses = agents.stream().map(agent -> loops.onSetUp(() -> api.send(HttpMethod.GET,
                "/v2/" + options.project() + "/agents/" + agent.id() + "/status", options.token(), null, 30_000)
                .compose(answer -> answer.ok() ? Future.succeededFuture(answer.body().getBoolean("online", false))
                        : Future.<Boolean>failedFuture("HTTP " + answer.status())))).toList();
        try {
            Future.join(statuses).await(60, TimeUnit.SECONDS);
        } catch (TimeoutException | RuntimeException someFailed) {
            // counted below
        }
        long online = statuses.stream().filter(status -> status.succeeded() && status.result()).count();
        long unread = statuses.stream().filter(status -> !status.succeeded()).count();
        return "the service shows " + online + " of " + agents.size() + " online"
                + (unread > 0 ? " (" + unread + " statuses could not be read)" : "");
    }

    /** The heartbeat interval of each mode, from the service's agent configuration. */
    private Map<String, Long> heartbeatIntervals(SimulatedAgent.Identity any)
            throws InterruptedException, TimeoutException {
        ApiClient.Answer answer = loops.onSetUp(() -> api.send(HttpMethod.GET, "/v2/" + options.project() + "/agents/"
                + any.id() + "/configuration", options.token(), null, 30_000)).await(30, TimeUnit.SECONDS);
        if (!answer.ok()) {
            throw new SimulationException("cannot read the agent configuration: HTTP " + answer.status());
        }
        JsonObject intervals = answer.body().getJsonObject("system_preferences").getJsonObject("events")
                .getJsonObject("rse").getJsonObject("heartbeat").getJsonObject("interval_ms");
        Map<String, Long> heartbeats = new HashMap<>();
        intervals.forEach(entry -> heartbeats.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        return heartbeats;
    }
}
