package io.agentevents.bootstrap.simulate;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code simulate}: N agents against a running service, with a progress line every second and a
 * summary at the end. The load generator of the benchmarks and a way to watch the system work.
 */
public final class Simulator {

    /** Registrations and sign-ins at once during set-up, so thousands of agents start in seconds without a burst. */
    private static final int SIGN_IN_CONCURRENCY = 8;

    private final SimulateOptions options;
    private final PrintStream out;
    private final Vertx vertx = Vertx.vertx();
    private final Context setUpContext = vertx.getOrCreateContext();
    /**
     * The event loops the agents run on, agent i on loop i mod n: on one loop, the simulator
     * answering 2,000 agents woken at once would measure its own queue more than the service.
     */
    private final List<Context> agentLoops = eventLoops(vertx, 2 * Runtime.getRuntime().availableProcessors());
    /** One client per node; agent i talks to node i mod n, set-up goes through the first. */
    private final List<ApiClient> nodes = new ArrayList<>();
    private final ApiClient api;
    private final SimulationStats stats = new SimulationStats();
    private final List<SimulatedAgent> agents = new ArrayList<>();

    public Simulator(SimulateOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        // One connection per agent for its long-poll, and some for heartbeats and short polls.
        int agentsPerNode = (options.agents() + options.urls().size() - 1) / options.urls().size();
        for (URI url : options.urls()) {
            nodes.add(new ApiClient(vertx, url, agentsPerNode + 64));
        }
        this.api = nodes.get(0);
    }

    /**
     * Runs until the duration passes or {@code stop} counts down.
     *
     * @return the summary line
     * @throws SimulationException if the agents cannot be registered or signed in
     */
    public String run(CountDownLatch stop) throws InterruptedException {
        try {
            List<SimulatedAgent.Identity> identities = identities();
            Map<String, Long> heartbeats = heartbeatIntervals(identities.get(0));
            for (int i = 0; i < identities.size(); i++) {
                agents.add(new SimulatedAgent(identities.get(i), options.project(), vertx,
                        nodes.get(i % nodes.size()), stats, heartbeats));
            }
            ActivationDriver driver = new ActivationDriver(vertx, options.project(), options.token(), nodes, agents);
            try {
                onEventLoop(() -> driver.keepMode(options.keepMode())).await(30, TimeUnit.SECONDS);
            } catch (RuntimeException refused) {
                throw new SimulationException(refused.getMessage());
            }
            inBatches(IntStream.range(0, agents.size())
                    .mapToObj(i -> (Task) () -> onEventLoop(loopOf(i), agents.get(i)::start)).toList());
            save(merge(identities));
            out.printf("%d agents running against %s, project %s%n", agents.size(), options.urls(), options.project());
            driver.activateAgents(options.activationsPerSecond());
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
            String summary = SimulationReport.summary(agents, stats, errors(), started, stopped, requests() - requestsBefore) + ", "
                    + onlineAsTheServiceSeesIt();
            List<Future<Void>> stops = IntStream.range(0, agents.size())
                    .mapToObj(i -> onEventLoop(loopOf(i), agents.get(i)::stop)).toList();
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
            vertx.close();
        }
    }

    private long requests() {
        return nodes.stream().mapToLong(node -> node.requests.get()).sum();
    }

    private long errors() {
        return nodes.stream().mapToLong(node -> node.errors.get()).sum();
    }

    private static boolean awaitForever(CountDownLatch stop) throws InterruptedException {
        stop.await();
        return true;
    }

    /** The agents of the state file, plus new registrations up to the number asked for. */
    private List<SimulatedAgent.Identity> identities() throws InterruptedException, TimeoutException {
        List<SimulatedAgent.Identity> known;
        try {
            known = new ArrayList<>(StateFile.load(options.stateFile(), options.project()));
        } catch (IOException | RuntimeException unreadable) {
            throw new SimulationException("cannot read the state file " + options.stateFile() + ": " + unreadable.getMessage());
        }
        int missing = options.agents() - known.size();
        if (missing > 0) {
            out.printf("registering %d new agents (reusing %d from %s)%n", missing, known.size(), options.stateFile());
            List<SimulatedAgent.Identity> registered = Collections.synchronizedList(new ArrayList<>());
            List<Task> registrations = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                int number = known.size() + i + 1;
                registrations.add(() -> register(number).map(identity -> {
                    registered.add(identity);
                    return null;
                }));
            }
            try {
                inBatches(registrations);
            } finally {
                known.addAll(registered);
                save(known);
            }
        }
        return known.subList(0, options.agents());
    }

    private Future<SimulatedAgent.Identity> register(int number) {
        String fingerprint = "sim-" + UUID.randomUUID();
        JsonObject body = SimulatedHost.registration(number, fingerprint);
        return api.send(HttpMethod.POST, "/v2/" + options.project() + "/agents", options.token(), body, 60_000)
                .compose(answer -> answer.status() == 201
                        ? Future.succeededFuture(new SimulatedAgent.Identity(answer.body().getString("id"),
                                answer.body().getString("password"), fingerprint))
                        : Future.failedFuture("registration refused: HTTP " + answer.status() + " "
                                + answer.body().getString("message", "")));
    }

    /** The state file's agents, with the tokens the running agents hold now. */
    private List<SimulatedAgent.Identity> merge(List<SimulatedAgent.Identity> running) {
        List<SimulatedAgent.Identity> all = new ArrayList<>();
        try {
            all.addAll(StateFile.load(options.stateFile(), options.project()));
        } catch (IOException | RuntimeException unreadable) {
            all.addAll(running);
        }
        Map<String, SimulatedAgent.Identity> current = agents.stream().map(SimulatedAgent::identity)
                .collect(Collectors.toMap(SimulatedAgent.Identity::id, identity -> identity));
        all.replaceAll(identity -> current.getOrDefault(identity.id(), identity));
        return all;
    }

    /**
     * Asks the service for each agent's status: the figure that counts. A status that could not
     * be read is told apart from an agent the service shows offline.
     */
    private String onlineAsTheServiceSeesIt() {
        List<Future<Boolean>> statuses = agents.stream().map(agent -> onEventLoop(() -> api.send(HttpMethod.GET,
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

    private void save(List<SimulatedAgent.Identity> identities) {
        try {
            StateFile.save(options.stateFile(), options.project(), identities);
        } catch (IOException unwritable) {
            out.println("warning: cannot write the state file " + options.stateFile() + ": " + unwritable.getMessage());
        }
    }

    /** The heartbeat interval of each mode, from the service's agent configuration. */
    private Map<String, Long> heartbeatIntervals(SimulatedAgent.Identity any)
            throws InterruptedException, TimeoutException {
        ApiClient.Answer answer = onEventLoop(() -> api.send(HttpMethod.GET, "/v2/" + options.project() + "/agents/"
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

    @FunctionalInterface
    private interface Task {
        Future<?> run();
    }

    /** Runs the tasks a few at a time; fails on the first failure. */
    private void inBatches(List<Task> tasks) throws TimeoutException {
        for (int from = 0; from < tasks.size(); from += SIGN_IN_CONCURRENCY) {
            List<Future<?>> batch = tasks.subList(from, Math.min(tasks.size(), from + SIGN_IN_CONCURRENCY)).stream()
                    .map(task -> onEventLoop(() -> task.run().map(result -> (Object) result)))
                    .collect(Collectors.toList());
            try {
                Future.all(batch).await(120, TimeUnit.SECONDS);
            } catch (RuntimeException failed) {
                throw new SimulationException(failed.getMessage());
            }
        }
    }

    /**
     * Starts requests on the simulator's event loop, never on the calling thread. Started from
     * the main thread, batches of set-up requests sometimes never completed (Vert.x 5.0.7's
     * client): four runs of five with 2,000 agents (300 once) waited out the 120 s set-up timeout
     * after 528 to 1,680 registrations, while the service had answered every request it was sent.
     * Started here, seven runs of seven set up all 2,000 in 20 s.
     */
    private Context loopOf(int agent) {
        return agentLoops.get(agent % agentLoops.size());
    }

    private <T> Future<T> onEventLoop(Supplier<Future<T>> requests) {
        return onEventLoop(setUpContext, requests);
    }

    private static <T> Future<T> onEventLoop(Context context, Supplier<Future<T>> requests) {
        Promise<T> done = Promise.promise();
        context.runOnContext(ignored -> requests.get().onComplete(done));
        return done.future();
    }

    /** One context on each of {@code count} event loops (a verticle's instances get one each). */
    private static List<Context> eventLoops(Vertx vertx, int count) {
        List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                contexts.add(context);
            }
        }, new DeploymentOptions().setInstances(count)).await();
        return List.copyOf(contexts);
    }
}
