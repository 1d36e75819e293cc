package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The simulated agents' identities: those of the state file, and new registrations up to the
 * number asked for, spread evenly over the projects (agent i in project i mod n).
 */
final class Fleet {

    /**
     * Registrations (and sign-ins) at once during set-up: 8, so thousands of agents start in seconds
     * without a burst; one more for every thousand agents beyond 8,000, up to 64, so a fleet of
     * 100,000 does not wait on one commit after another for minutes.
     */
    static int setUpConcurrency(int agents) {
        return Math.max(8, Math.min(64, agents / 1_000));
    }

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

    /** The agents to run, in order: agent i belongs to tenant i mod n; the state file's first, new ones registered (and saved). */
    List<SimulatedAgent.Identity> identities() throws TimeoutException {
        List<SimulatedAgent.Identity> saved = load();
        Map<String, List<SimulatedAgent.Identity>> byProject = saved.stream()
                .collect(Collectors.groupingBy(SimulatedAgent.Identity::project));
        List<SimulateOptions.Tenant> tenants = options.tenants();
        Map<String, Integer> taken = new HashMap<>();
        List<SimulatedAgent.Identity> identities = new ArrayList<>(Collections.nCopies(options.agents(), null));
        List<EventLoops.Task> registrations = new ArrayList<>();
        for (int i = 0; i < options.agents(); i++) {
            SimulateOptions.Tenant tenant = tenants.get(i % tenants.size());
            int next = taken.merge(tenant.project(), 1, Integer::sum) - 1;
            List<SimulatedAgent.Identity> known = byProject.getOrDefault(tenant.project(), List.of());
            if (next < known.size()) {
                identities.set(i, known.get(next));
            } else {
                int index = i;
                registrations.add(() -> register(tenant, index + 1).map(identity -> {
                    identities.set(index, identity);
                    return null;
                }));
            }
        }
        if (!registrations.isEmpty()) {
            out.printf("registering %d new agents in %d projects (reusing %d from %s)%n", registrations.size(),
                    Math.min(tenants.size(), options.agents()), options.agents() - registrations.size(), options.stateFile());
            try {
                loops.inBatches(registrations, setUpConcurrency(options.agents()));
            } finally {
                // Registered on the set-up loop; read here after inBatches awaited them.
                Set<String> savedIds = saved.stream().map(SimulatedAgent.Identity::id).collect(Collectors.toSet());
                List<SimulatedAgent.Identity> all = new ArrayList<>(saved);
                identities.stream().filter(identity -> identity != null && !savedIds.contains(identity.id()))
                        .forEach(all::add);
                save(all);
            }
        }
        return List.copyOf(identities);
    }

    private List<SimulatedAgent.Identity> load() {
        try {
            return StateFile.load(options.stateFile());
        } catch (IOException | RuntimeException unreadable) {
            throw new SimulationException("cannot read the state file " + options.stateFile() + ": " + unreadable.getMessage());
        }
    }

    private Future<SimulatedAgent.Identity> register(SimulateOptions.Tenant tenant, int number) {
        String fingerprint = "sim-" + UUID.randomUUID();
        JsonObject body = SimulatedHost.registration(number, fingerprint);
        return api.send(HttpMethod.POST, "/v2/" + tenant.project() + "/agents", tenant.token(), body, 60_000)
                .compose(answer -> answer.status() == 201
                        ? Future.succeededFuture(new SimulatedAgent.Identity(tenant.project(), answer.body().getString("id"),
                                answer.body().getString("password"), fingerprint))
                        : Future.failedFuture("registration in project " + tenant.project() + " refused: HTTP "
                                + answer.status() + " " + answer.body().getString("message", "")));
    }

    /** Saves the state file's agents with the tokens the running agents hold now. */
    void saveWithTokensOf(List<SimulatedAgent> agents) {
        List<SimulatedAgent.Identity> all = new ArrayList<>(load());
        Map<String, SimulatedAgent.Identity> current = agents.stream().map(SimulatedAgent::identity)
                .collect(Collectors.toMap(SimulatedAgent.Identity::id, identity -> identity));
        all.replaceAll(identity -> current.getOrDefault(identity.id(), identity));
        save(all);
    }

    private void save(List<SimulatedAgent.Identity> identities) {
        try {
            StateFile.save(options.stateFile(), identities);
        } catch (IOException unwritable) {
            out.println("warning: cannot write the state file " + options.stateFile() + ": " + unwritable.getMessage());
        }
    }
}
