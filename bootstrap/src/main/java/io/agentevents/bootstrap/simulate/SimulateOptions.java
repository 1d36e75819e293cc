package io.agentevents.bootstrap.simulate;

import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.OptionSpecs;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code simulate}.
 *
 * @param urls                 the service's nodes, e.g. {@code http://localhost:8080}; agent i uses node i mod n
 * @param tenants              the projects the agents belong to, each with a user token (admin or creator) that
 *                             registers them; agent i belongs to project i mod n
 * @param agents               how many agents to run
 * @param duration             how long to run; empty: until Ctrl-C
 * @param stateFile            where the agents' ids and credentials are kept, so the next run reuses them
 * @param keepMode             a mode to keep every project in by re-posting a project-wide activation
 * @param activationsPerSecond single-agent activations to post per second, each through another node
 *                             than the agent's (0: none)
 * @param browsesPerSecond     browse requests to ask per second, each of a random agent through another
 *                             node than the agent's, and waited for there (0: none)
 * @param connections          how the agents reach each node
 * @param wakeProjectsPercent  the share of the projects a control panel keeps active (0: none)
 */
public record SimulateOptions(List<URI> urls, List<Tenant> tenants, int agents, Optional<Duration> duration,
                              Path stateFile, Optional<String> keepMode, double activationsPerSecond,
                              double browsesPerSecond, Connections connections, double wakeProjectsPercent) {

    /** A project and a user token that may register agents in it. */
    public record Tenant(String project, String token) {

        @Override
        public String toString() {
            return project; // never the token
        }
    }

    /**
     * @param perNode         connections to each node, shared by its agents; 0: two per agent and 64 more, at most
     *                        {@link #DEFAULT_MOST}
     * @param sourceAddresses local addresses to connect from, the connections spread over them; empty: the system's choice
     */
    public record Connections(int perNode, List<String> sourceAddresses) {

        static final int DEFAULT_MOST = 4_096;
        public static final Connections DEFAULT = new Connections(0, List.of());

        public Connections {
            sourceAddresses = List.copyOf(sourceAddresses);
        }

        /** The connections to one node serving {@code agents} agents. */
        int toNode(int agents) {
            return perNode > 0 ? perNode : Math.min(2 * agents + 64, DEFAULT_MOST);
        }
    }

    /** The generated help. */
    public static String usage() {
        return OptionSpecs.usage(new SimulateCommand());
    }

    /** The help or the version, if the arguments ask for either. */
    public static Optional<String> informationAsked(List<String> args) {
        return OptionSpecs.informationAsked(new SimulateCommand(), args);
    }

    private static final List<String> MODES = List.of("idle", "active", "real_time");
    private static final List<String> REGISTRARS = List.of("admin", "creator");

    public SimulateOptions {
        urls = List.copyOf(urls);
        tenants = List.copyOf(tenants);
        if (urls.isEmpty() || tenants.isEmpty()) {
            throw new IllegalArgumentException("at least one URL and one project are needed");
        }
    }

    /** Options with one project, the default connections and no control panel. */
    public SimulateOptions(List<URI> urls, String project, String token, int agents, Optional<Duration> duration,
                           Path stateFile, Optional<String> keepMode, double activationsPerSecond, double browsesPerSecond) {
        this(urls, List.of(new Tenant(project, token)), agents, duration, stateFile, keepMode, activationsPerSecond,
                browsesPerSecond, Connections.DEFAULT, 0);
    }

    /** Options with one node and one project, no kept mode and no activations of its own. */
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
        List<Tenant> tenants = tenants(options);
        Optional<Duration> duration = Optional.ofNullable(options.get("--duration"))
                .map(text -> Durations.parse(text, "simulate: --duration"));
        Optional<String> keepMode = Optional.ofNullable(options.get("--keep-mode"));
        if (keepMode.isPresent() && !MODES.contains(keepMode.get())) {
            throw new ConfigException("simulate: --keep-mode must be one of " + String.join(", ", MODES));
        }
        double rate = rate(options.get("--activate-agents"), "--activate-agents", "activations");
        double browses = rate(options.get("--browse-agents"), "--browse-agents", "browse requests");
        double wake = Optional.ofNullable(options.get("--wake-projects")).map(SimulateOptions::percent).orElse(0.0);
        int perNode = Optional.ofNullable(options.get("--connections")).map(SimulateOptions::connections).orElse(0);
        List<String> sources = Optional.ofNullable(options.get("--source-addresses")).map(SimulateOptions::addresses)
                .orElse(List.of());
        String stateName = options.containsKey("--tokens-file")
                ? Path.of(options.get("--tokens-file")).getFileName().toString() : tenants.get(0).project();
        Path stateFile = Path.of(options.getOrDefault("--state-file", "agent-events-simulator-" + stateName + ".json"));
        return Optional.of(new SimulateOptions(urls, tenants, agents, duration, stateFile, keepMode, rate, browses,
                new Connections(perNode, sources), wake));
    }

    /** --project and --token, or every project of --tokens-file with a token that may register agents. */
    private static List<Tenant> tenants(Map<String, String> options) {
        String file = options.get("--tokens-file");
        if (file == null) {
            if (!options.containsKey("--project") || !options.containsKey("--token")) {
                throw new ConfigException("simulate: give --project and --token, or --tokens-file; see simulate --help");
            }
            return List.of(new Tenant(options.get("--project"), options.get("--token")));
        }
        if (options.containsKey("--project") || options.containsKey("--token")) {
            throw new ConfigException("simulate: --tokens-file names the projects and tokens; leave out --project and --token");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException unreadable) {
            throw new ConfigException("simulate: cannot read --tokens-file " + file + ": " + unreadable.getMessage());
        }
        Map<String, Tenant> byProject = new LinkedHashMap<>();
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 3 && !fields[0].startsWith("#") && REGISTRARS.contains(fields[2].toLowerCase(Locale.ROOT))) {
                byProject.putIfAbsent(fields[1], new Tenant(fields[1], fields[0]));
            }
        }
        if (byProject.isEmpty()) {
            throw new ConfigException("simulate: --tokens-file " + file + " has no admin or creator token");
        }
        return List.copyOf(byProject.values());
    }

    private static double percent(String text) {
        double percent;
        try {
            percent = Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            percent = -1;
        }
        if (!(percent >= 0.01 && percent <= 100)) {
            throw new ConfigException("simulate: --wake-projects must be a percentage from 0.01 to 100");
        }
        return percent;
    }

    private static int connections(String text) {
        int connections;
        try {
            connections = Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            connections = 0;
        }
        if (connections < 1 || connections > 16_000) {
            throw new ConfigException("simulate: --connections must be a number from 1 to 16000");
        }
        return connections;
    }

    private static List<String> addresses(String text) {
        List<String> addresses = new ArrayList<>();
        for (String address : text.split(",")) {
            String trimmed = address.strip();
            if (!NetUtil.isValidIpV4Address(trimmed) && !NetUtil.isValidIpV6Address(trimmed)) {
                throw new ConfigException("simulate: --source-addresses: '" + trimmed + "' is not an IP address");
            }
            addresses.add(trimmed);
        }
        return addresses;
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
        return "SimulateOptions[" + urls + ", projects=" + tenants + ", agents=" + agents + "]";
    }
}
