package io.agentevents.bootstrap.simulate;

import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.OptionArgs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code simulate}.
 *
 * @param url       the service, e.g. {@code http://localhost:8080}
 * @param project   the project the agents belong to
 * @param token     a user token of that project with admin or creator role, to register agents
 * @param agents    how many agents to run
 * @param duration  how long to run; empty: until Ctrl-C
 * @param stateFile where the agents' ids and credentials are kept, so the next run reuses them
 */
public record SimulateOptions(URI url, String project, String token, int agents, Optional<Duration> duration,
                              Path stateFile) {

    public static final String USAGE = """
            Usage: java -jar agent-events.jar simulate --url URL --project P --token T --agents N [options]

            Runs N simulated backup agents against a running agent-events service: registers them (or
            reuses those it registered before), signs each in, and runs each on the schedule of its
            effective mode: polls, heartbeats, long-polls in real_time, and follows activations.
            Prints a progress line every second and a summary at the end.

            Options:
              --url URL          the service, e.g. http://localhost:8080
              --project P        the project of the agents
              --token T          a user token of the project (admin or creator) to register agents
              --agents N         how many agents (1-100000)
              --duration D       run for D (e.g. 30s, 5m); default: until Ctrl-C
              --state-file FILE  where agent ids and credentials are kept between runs
                                 (default: ./agent-events-simulator-<project>.json, mode 600)
              --help             show this help

            Exit codes: 0 done, 1 could not run (service unreachable, registration refused), 2 bad options.
            """;

    private static final List<String> KNOWN = List.of("--url", "--project", "--token", "--agents", "--duration",
            "--state-file");

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
        URI url;
        try {
            url = URI.create(options.get("--url").replaceAll("/+$", ""));
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("simulate: --url is not a URL: " + bad.getMessage());
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new ConfigException("simulate: --url must look like http://host:port");
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
        Path stateFile = Path.of(options.getOrDefault("--state-file", "agent-events-simulator-" + project + ".json"));
        return Optional.of(new SimulateOptions(url, project, options.get("--token"), agents, duration, stateFile));
    }

    @Override
    public String toString() {
        return "SimulateOptions[" + url + ", project=" + project + ", agents=" + agents + "]";
    }
}
