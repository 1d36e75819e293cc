package io.agentevents.bootstrap.simulate;

import io.agentevents.bootstrap.config.ReleaseVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}'s options as picocli reads them, checked by {@link SimulateOptions}; the help is generated from these. */
@Command(name = "java -jar agent-events.jar simulate", mixinStandardHelpOptions = true,
        versionProvider = ReleaseVersion.class, sortOptions = false, usageHelpWidth = 100,
        synopsisHeading = "Usage: ",
        customSynopsis = {"java -jar agent-events.jar simulate --url URL[,URL...] --project P --token T --agents N [options]",
                "   or: java -jar agent-events.jar simulate --url URL[,URL...] --tokens-file FILE --agents N [options]"},
        description = {"",
                "Runs N simulated backup agents against a running agent-events service: registers them (or reuses "
                        + "those it registered before), signs each in, and runs each on the schedule of its effective "
                        + "mode: polls, heartbeats, long-polls in real_time, and follows activations. Prints a progress "
                        + "line every second and a summary at the end, with how long activations took to reach the "
                        + "agents: long-polling single-agent activations, long-polling project-wide activations (one "
                        + "wakes every agent), and activations seen by polling.",
                "The user token registers and checks every agent: start the service with a request budget above that "
                        + "rate (--rate-limit 0 turns it off), or the set-up meets 429s."},
        optionListHeading = "%nOptions:%n",
        footer = {"", "Exit codes: 0 done, 1 could not run (service unreachable, registration refused), 2 bad options."})
@SuppressWarnings("unused") // every field is written by picocli and read through its model
final class SimulateCommand {

    @Option(names = "--url", paramLabel = "URL[,URL...]", required = true, description = {
            "the service; several nodes of one service, comma-separated: agent i talks to node i mod n"})
    String url;

    @Option(names = "--project", paramLabel = "P", description = "the project of the agents (or --tokens-file)")
    String project;

    @Option(names = "--token", paramLabel = "T",
            description = "a user token of the project (admin or creator) to register agents")
    String token;

    @Option(names = "--tokens-file", paramLabel = "FILE", description = {
            "instead of --project and --token: the service's tokens file ('<token> <project_id> <role>' per line); "
                    + "the agents are spread over every project with an admin or creator token in it"})
    String tokensFile;

    @Option(names = "--agents", paramLabel = "N", required = true, description = "how many agents (1-100000)")
    String agents;

    @Option(names = "--duration", paramLabel = "D", description = "run for D (e.g. 30s, 5m); default: until Ctrl-C")
    String duration;

    @Option(names = "--keep-mode", paramLabel = "M", description = {
            "keep the project in mode M (idle, active, real_time): post a project-wide activation at the start and "
                    + "every 30 s"})
    String keepMode;

    @Option(names = "--activate-agents", paramLabel = "R", description = {
            "post R single-agent real_time activations per second (0.1-1000), each to a random agent through another "
                    + "node than the agent's"})
    String activateAgents;

    @Option(names = "--browse-agents", paramLabel = "R", description = {
            "ask R browse requests per second (0.1-1000), each of a random agent through another node than the "
                    + "agent's, and wait there for its answer: the summary gives the round trip. The agents answer "
                    + "every request they are asked (browse, vault, log file)"})
    String browseAgents;

    @Option(names = "--wake-projects", paramLabel = "PCT", description = {
            "a control panel keeping PCT % of the projects (0.01-100) active: it wakes projects at random, renews "
                    + "half of its activations once before they end and lets the others run out"})
    String wakeProjects;

    @Option(names = "--connections", paramLabel = "N", description = {
            "connections to each node, shared by its agents as a load balancer pools them (1-16000; default: two "
                    + "per agent and 64 more, at most 4096). Each agent long-polling in real_time holds one"})
    String connections;

    @Option(names = "--source-addresses", paramLabel = "IP[,IP...]", description = {
            "local addresses to connect from, the connections spread over them, so that many connections do not "
                    + "run out of ports (on Linux every 127.x.y.z is the loopback)"})
    String sourceAddresses;

    @Option(names = "--state-file", paramLabel = "FILE", description = {
            "where agent ids and credentials are kept between runs (default: ./agent-events-simulator-<project>.json, "
                    + "or -<tokens file name>.json, "
                    + "mode 600)"})
    String stateFile;
}
