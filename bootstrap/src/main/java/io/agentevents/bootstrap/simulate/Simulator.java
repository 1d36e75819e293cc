package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code simulate}: N agents against a running service, with a progress line every second and a
 * summary at the end. The load generator of the benchmarks and a way to watch the system work.
 */
public final class Simulator {

    /** Statuses read every {@link #SAMPLE_EVERY_MILLIS} to check the service's view of agents that run. */
    private static final int STATUS_SAMPLE = 100;
    private static final long SAMPLE_EVERY_MILLIS = 10_000;
    /** Statuses read at the end, at most: the service's view of the fleet, sampled. */
    private static final int FINAL_SAMPLE = 1_000;

    private final SimulateOptions options;
    private final PrintStream out;
    private final Vertx vertx = Vertx.vertx();
    private final EventLoops loops = new EventLoops(vertx, 2 * Runtime.getRuntime().availableProcessors());
    /**
     * The agents' clients, per node one per source address: agent i talks to node i mod n, through
     * the clients of that node in turn. Set-up goes through the first.
     */
    private final List<List<ApiClient>> nodes = new ArrayList<>();
    /** A control panel of its own per node, which activates and asks the agents: it queues behind no agent. */
    private final List<ApiClient> panels = new ArrayList<>();
    private final ApiClient api;
    private final SimulationStats stats = new SimulationStats();
    private final List<SimulatedAgent> agents = new ArrayList<>();
    private final Fleet fleet;

    public Simulator(SimulateOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        // By default each agent has a connection for its long-poll and another for what it sends
        // meanwhile (heartbeats, answers), as a real agent's process does, up to a cap; past it the
        // agents share connections as behind a load balancer, and requests wait in the pool.
        int agentsPerNode = (options.agents() + options.urls().size() - 1) / options.urls().size();
        int connections = options.connections().toNode(agentsPerNode);
        List<Optional<String>> sources = options.connections().sourceAddresses().isEmpty() ? List.of(Optional.empty())
                : options.connections().sourceAddresses().stream().map(Optional::of).toList();
        for (URI url : options.urls()) {
            List<ApiClient> clients = new ArrayList<>();
            for (Optional<String> source : sources) {
                clients.add(new ApiClient(vertx, url, Math.max(1, connections / sources.size()), source));
            }
            nodes.add(clients);
            panels.add(new ApiClient(vertx, url, 64, sources.get(0)));
        }
        this.api = nodes.get(0).get(0);
        this.fleet = new Fleet(options, api, loops, out);
    }

    /** The client agent {@code agent} talks through. */
    private ApiClient clientOf(int agent) {
        List<ApiClient> clients = nodes.get(agent % nodes.size());
        return clients.get(agent / nodes.size() % clients.size());
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
                agents.add(new SimulatedAgent(identities.get(i), vertx, clientOf(i), stats, heartbeats));
            }
            ActivationDriver driver = new ActivationDriver(vertx, options.tenants(), panels, agents);
            try {
                loops.onSetUp(() -> driver.keepMode(options.keepMode())).await(120, TimeUnit.SECONDS);
            } catch (RuntimeException refused) {
                throw new SimulationException(refused.getMessage());
            }
            loops.inBatches(IntStream.range(0, agents.size())
                    .mapToObj(i -> (EventLoops.Task) () -> loops.onLoopOf(i, agents.get(i)::start)).toList(),
                    Fleet.setUpConcurrency(agents.size()));
            fleet.saveWithTokensOf(agents);
            out.printf("%d agents running against %s, %s%n", agents.size(), options.urls(), options.tenants().size() == 1
                    ? "project " + options.tenants().get(0).project() : options.tenants().size() + " projects");
            try {
                loops.onSetUp(() -> driver.wakeProjects(options.wakeProjectsPercent())).await(30, TimeUnit.SECONDS);
            } catch (RuntimeException refused) {
                throw new SimulationException(refused.getMessage());
            }
            driver.activateAgents(options.activationsPerSecond());
            RequestDriver asking = new RequestDriver(vertx, options.tenants(), panels, agents, stats);
            asking.browse(options.browsesPerSecond());
            stats.setUpDone();
            Instant started = Instant.now();
            long requestsBefore = requests();
            long cpuBefore = SimulationReport.processCpuNanos();
            long[] lastRequests = {requestsBefore};
            long progress = vertx.setPeriodic(1_000, ignored -> {
                long requests = requests();
                out.println(SimulationReport.progressLine(agents, stats, errors(), started, requests - lastRequests[0]));
                lastRequests[0] = requests;
            });
            long sampling = vertx.setPeriodic(SAMPLE_EVERY_MILLIS, ignored -> sampleStatuses());
            boolean stopped = options.duration().isPresent()
                    ? stop.await(options.duration().get().toMillis(), TimeUnit.MILLISECONDS) : awaitForever(stop);
            vertx.cancelTimer(progress);
            vertx.cancelTimer(sampling);
            driver.stop();
            asking.stop();
            long requestsRun = requests() - requestsBefore;
            long cpuRun = SimulationReport.processCpuNanos() - cpuBefore;
            String summary = SimulationReport.summary(agents, stats, errors(), errorKinds(), started, stopped, requestsRun) + ", "
                    + String.format("simulator CPU %.1f µs a request, ", cpuRun / 1000.0 / Math.max(1, requestsRun))
                    + (driver.projectsWoken() > 0 ? driver.projectsWoken() + " project activations by the panel, " : "")
                    + stats.statusSamples() + ", " + onlineAsTheServiceSeesIt();
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
            nodes.forEach(clients -> clients.forEach(ApiClient::close));
            panels.forEach(ApiClient::close);
            vertx.close();
        }
    }

    private List<ApiClient> clients() {
        return Stream.concat(nodes.stream().flatMap(List::stream), panels.stream()).toList();
    }

    private long requests() {
        return clients().stream().mapToLong(client -> client.requests.get()).sum();
    }

    /** The kinds of errors, most frequent first: " (GET 503: 2, ...)", or nothing. */
    private String errorKinds() {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        clients().forEach(client -> client.errorKinds.forEach((kind, count) -> kinds.merge(kind, count.sum(), Long::sum)));
        return kinds.isEmpty() ? "" : kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5).map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private long errors() {
        return clients().stream().mapToLong(client -> client.errors.get()).sum();
    }

    private static boolean awaitForever(CountDownLatch stop) throws InterruptedException {
        stop.await();
        return true;
    }

    /**
     * Reads the status of some running agents the simulator sees online (answered within their
     * mode's window): the service should show each of them online too.
     */
    private void sampleStatuses() {
        Instant now = Instant.now();
        for (int i = 0; i < STATUS_SAMPLE; i++) {
            int index = ThreadLocalRandom.current().nextInt(agents.size());
            SimulatedAgent agent = agents.get(index);
            if (agent.looksOnline(now)) {
                status(index).onComplete(stats::statusRead);
            }
        }
    }

    private Future<Boolean> status(int index) {
        SimulatedAgent agent = agents.get(index);
        // Agent i belongs to tenant i mod n (Fleet); its status is read through the panel of its node.
        String token = options.tenants().get(index % options.tenants().size()).token();
        return panels.get(index % panels.size()).send(HttpMethod.GET, "/v2/" + agent.project() + "/agents/" + agent.id()
                + "/status", token, null, 30_000).compose(answer -> answer.ok()
                ? Future.succeededFuture(answer.body().getBoolean("online", false))
                : Future.<Boolean>failedFuture("HTTP " + answer.status()));
    }

    /**
     * Asks the service for the status of each agent, or of a random {@value #FINAL_SAMPLE} of a
     * larger fleet: the figure that counts. A status that could not be read is told apart from an
     * agent the service shows offline.
     */
    private String onlineAsTheServiceSeesIt() {
        List<Integer> asked = IntStream.range(0, agents.size()).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(asked);
        List<Future<Boolean>> statuses = asked.subList(0, Math.min(FINAL_SAMPLE, asked.size())).stream()
                .map(index -> loops.onSetUp(() -> status(index))).toList();
        try {
            Future.join(statuses).await(60, TimeUnit.SECONDS);
        } catch (TimeoutException | RuntimeException someFailed) {
            // counted below
        }
        long online = statuses.stream().filter(status -> status.succeeded() && status.result()).count();
        long unread = statuses.stream().filter(status -> !status.succeeded()).count();
        return "the service shows " + online + " of " + statuses.size() + (statuses.size() < agents.size() ? " sampled" : "")
                + " online" + (unread > 0 ? " (" + unread + " statuses could not be read)" : "");
    }

    /** The heartbeat interval of each mode, from the service's agent configuration. */
    private Map<String, Long> heartbeatIntervals(SimulatedAgent.Identity any)
            throws InterruptedException, TimeoutException {
        ApiClient.Answer answer = loops.onSetUp(() -> api.send(HttpMethod.GET, "/v2/" + any.project() + "/agents/"
                + any.id() + "/configuration", options.tenants().get(0).token(), null, 30_000)).await(30, TimeUnit.SECONDS);
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
