package io.agentevents.bootstrap.simulate;

import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.OptionSpecs;
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

    /** The generated help. */
    public static String usage() {
        return OptionSpecs.usage(new SimulateCommand());
    }

    /** The help or the version, if the arguments ask for either. */
    public static Optional<String> informationAsked(List<String> args) {
        return OptionSpecs.informationAsked(new SimulateCommand(), args);
    }

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
        Optional<Map<String, String>> given = OptionSpecs.parse(new SimulateCommand(), args, Map.of(), Map.of(),
                "simulate: ");
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
