package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** The simulated agents' identities: those of the state file, and new registrations up to the number asked for. */
final class Fleet {

    /** Registrations at once during set-up, so thousands of agents start in seconds without a burst. */
    static final int SET_UP_CONCURRENCY = 8;

    private final SimulateOptions options;
    private final ApiClient api;
    private final EventLoops loops;
    private final PrintStream out;

    Fleet(SimulateOptions options, ApiClient api, EventLoops loops, PrintStream out) {
        this.options = options;
        this.api = api;
        this.loops = loops;
        this.out = out;
    }

    /** The agents to run: the state file's, then new ones registered (and saved) until there are enough. */
    List<SimulatedAgent.Identity> identities() throws TimeoutException {
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
            List<EventLoops.Task> registrations = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                int number = known.size() + i + 1;
                registrations.add(() -> register(number).map(identity -> {
                    registered.add(identity);
                    return null;
                }));
            }
            try {
                loops.inBatches(registrations, SET_UP_CONCURRENCY);
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

    /** Saves the state file's agents with the tokens the running agents hold now. */
    void saveWithTokensOf(List<SimulatedAgent> agents, List<SimulatedAgent.Identity> started) {
        List<SimulatedAgent.Identity> all = new ArrayList<>();
        try {
            all.addAll(StateFile.load(options.stateFile(), options.project()));
        } catch (IOException | RuntimeException unreadable) {
            all.addAll(started);
        }
        Map<String, SimulatedAgent.Identity> current = agents.stream().map(SimulatedAgent::identity)
                .collect(Collectors.toMap(SimulatedAgent.Identity::id, identity -> identity));
        all.replaceAll(identity -> current.getOrDefault(identity.id(), identity));
        save(all);
    }

    private void save(List<SimulatedAgent.Identity> identities) {
        try {
            StateFile.save(options.stateFile(), options.project(), identities);
        } catch (IOException unwritable) {
            out.println("warning: cannot write the state file " + options.stateFile() + ": " + unwritable.getMessage());
        }
    }
}
