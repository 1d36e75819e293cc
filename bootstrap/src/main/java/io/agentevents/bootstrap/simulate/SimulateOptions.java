package io.agentevents.bootstrap.simulate;

import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.OptionArgs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code simulate}.
 *
 * @param urls                 the service's nodes, e.g. {@code http://localhost:8080}; agent i uses node i mod n
 * @param project              the project the agents belong to
 * @param token                a user token of that project with admin or creator role, to register agents
 * @param agents               how many agents to run
 * @param duration             how long to run; empty: until Ctrl-C
 * @param stateFile            where the agents' ids and credentials are kept, so the next run reuses them
 * @param keepMode             a mode to keep the whole project in by re-posting a project-wide activation
 * @param activationsPerSecond single-agent activations to post per second, each through another node
 *                             than the agent's (0: none)
 * @param browsesPerSecond     browse requests to ask per second, each of a random agent through another
 *                             node than the agent's, and waited for there (0: none)
 */
public record SimulateOptions(List<URI> urls, String project, String token, int agents, Optional<Duration> duration,
                              Path stateFile, Optional<String> keepMode, double activationsPerSecond,
                              double browsesPerSecond) {

    public static final String USAGE = """
            Usage: java -jar agent-events.jar simulate --url URL[,URL...] --project P --token T --agents N [options]

            Runs N simulated backup agents against a running agent-events service: registers them (or
            reuses those it registered before), signs each in, and runs each on the schedule of its
            effective mode: polls, heartbeats, long-polls in real_time, and follows activations.
            Prints a progress line every second and a summary at the end, with how long activations
            took to reach the agents: long-polling single-agent activations, long-polling project-wide
            activations (one wakes every agent), and activations seen by polling.
            The user token registers and checks every agent: start the service with a request
            budget above that rate (--rate-limit 0 turns it off), or the set-up meets 429s.

            Options:
              --url URL[,URL...]    the service; several nodes of one service, comma-separated:
                                    agent i talks to node i mod n
              --project P           the project of the agents
              --token T             a user token of the project (admin or creator) to register agents
              --agents N            how many agents (1-100000)
              --duration D          run for D (e.g. 30s, 5m); default: until Ctrl-C
              --keep-mode M         keep the project in mode M (idle, active, real_time): post a
                                    project-wide activation at the start and every 30 s
              --activate-agents R   post R single-agent real_time activations per second (0.1-1000),
                                    each to a random agent through another node than the agent's
              --browse-agents R     ask R browse requests per second (0.1-1000), each of a random agent
                                    through another node than the agent's, and wait there for its
                                    answer: the summary gives the round trip. The agents answer
                                    every request they are asked (browse, vault, log file)
              --state-file FILE     where agent ids and credentials are kept between runs
                                    (default: ./agent-events-simulator-<project>.json, mode 600)
              --help                show this help

            Exit codes: 0 done, 1 could not run (service unreachable, registration refused), 2 bad options.
            """;

    private static final List<String> KNOWN = List.of("--url", "--project", "--token", "--agents", "--duration",
            "--state-file", "--keep-mode", "--activate-agents", "--browse-agents");
    private static final List<String> MODES = List.of("idle", "active", "real_time");

    public SimulateOptions {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one URL is needed");
        }
    }

    /** Options with one node, no kept mode and no activations of its own. */
    public SimulateOptions(URI url, String project, String token, int agents, Optional<Duration> duration,
                           Path stateFile) {
        this(List.of(url), project, token, agents, duration, stateFile, Optional.empty(), 0, 0);
    }

    /** @return empty if {@code --help} was asked for */
    public static Optional<SimulateOptions> parse(List<String> args) {
        Optional<Map<String, String>> given = OptionArgs.parse(args, KNOWN, "simulate: ", "simulate --help");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>();
        given.get().forEach((name, value) -> {
            if (value.isBlank()) {
                throw new ConfigException("simulate: " + name + " needs a value");
            }
            options.put(name, value.strip());
        });
        for (String required : List.of("--url", "--project", "--token", "--agents")) {
            if (!options.containsKey(required)) {
                throw new ConfigException("simulate: " + required + " is required; see simulate --help");
            }
        }
        List<URI> urls = new ArrayList<>();
        for (String text : options.get("--url").split(",")) {
            urls.add(url(text.strip()));
        }
        int agents;
        try {
            agents = Integer.parseInt(options.get("--agents"));
        } catch (NumberFormatException notANumber) {
            agents = 0;
        }
        if (agents < 1 || agents > 100_000) {
            throw new ConfigException("simulate: --agents must be a number from 1 to 100000");
        }
        String project = options.get("--project");
        Optional<Duration> duration = Optional.ofNullable(options.get("--duration"))
                .map(text -> Durations.parse(text, "simulate: --duration"));
        Optional<String> keepMode = Optional.ofNullable(options.get("--keep-mode"));
        if (keepMode.isPresent() && !MODES.contains(keepMode.get())) {
            throw new ConfigException("simulate: --keep-mode must be one of " + String.join(", ", MODES));
        }
        double rate = rate(options.get("--activate-agents"), "--activate-agents", "activations");
        double browses = rate(options.get("--browse-agents"), "--browse-agents", "browse requests");
        Path stateFile = Path.of(options.getOrDefault("--state-file", "agent-events-simulator-" + project + ".json"));
        return Optional.of(new SimulateOptions(urls, project, options.get("--token"), agents, duration, stateFile,
                keepMode, rate, browses));
    }

    private static URI url(String text) {
        URI url;
        try {
            url = URI.create(text.replaceAll("/+$", ""));
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("simulate: --url is not a URL: " + bad.getMessage());
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new ConfigException("simulate: --url must look like http://host:port");
        }
        return url;
    }

    private static double rate(String text, String option, String what) {
        if (text == null) {
            return 0;
        }
        double rate;
        try {
            rate = Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            rate = -1;
        }
        if (!(rate >= 0.1 && rate <= 1_000)) {
            throw new ConfigException("simulate: " + option + " must be a number of " + what + " per second from 0.1 to 1000");
        }
        return rate;
    }

    @Override
    public String toString() {
        return "SimulateOptions[" + urls + ", project=" + project + ", agents=" + agents + "]";
    }
}
