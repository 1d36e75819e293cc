package io.agentevents.bootstrap;

import io.agentevents.application.memory.SecureRandomSecrets;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.ReleaseVersion;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.bootstrap.simulate.SimulateOptions;
import io.agentevents.bootstrap.simulate.SimulationException;
import io.agentevents.bootstrap.simulate.Simulator;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Role;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Reads the configuration and starts the service; nothing else. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final ProjectId DEMO_PROJECT = new ProjectId("demo");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("simulate")) {
            simulate(Arrays.asList(args).subList(1, args.length));
            return;
        }
        PrintStream out = System.out;
        Optional<String> information = CommandLine.informationAsked(Arrays.asList(args));
        if (information.isPresent()) {
            out.print(information.get());
            return;
        }
        Optional<AppConfig> parsed;
        try {
            parsed = CommandLine.parse(Arrays.asList(args), System.getenv());
        } catch (ConfigException bad) {
            System.err.println("agent-events: " + bad.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            out.print(CommandLine.usage());
            return;
        }
        AppConfig config = parsed.get();
        try {
            config.server().logFormat().apply();
        } catch (IllegalStateException broken) {
            System.err.println("agent-events: cannot start: " + broken.getMessage());
            System.exit(1);
            return;
        }
        Optional<Secret> demoToken = Optional.empty();
        if (config.userTokens().isEmpty() && config.identity().keystone().isEmpty()) {
            Secret token = new Secret(new SecureRandomSecrets().next());
            demoToken = Optional.of(token);
            config = config.withUserTokens(List.of(new UserToken(token, DEMO_PROJECT, Role.ADMIN)));
        }
        Clock clock = Clock.systemUTC(); // read in microsecond ticks by the service
        AgentEventsApp app;
        try {
            app = AgentEventsApp.start(config, clock);
        } catch (RuntimeException failed) {
            System.err.println("agent-events: cannot start: " + failed.getMessage());
            System.exit(1);
            return;
        }
        LOG.info("agent-events {} serving the v2 events API on port {} ({} event loops; {}; activations last {}, events kept {})",
                version(), app.port(), app.eventLoops(), app.storeDescription(), Durations.format(config.activationTtl()),
                Durations.format(config.eventRetention()));
        demoToken.ifPresent(token -> printDemo(out, token, app.port()));
        awaitStopSignal(app);
    }

    /** {@code simulate}: simulated agents against a running service; exit 0 done, 1 failed, 2 bad options. */
    private static void simulate(List<String> args) {
        Optional<String> information = SimulateOptions.informationAsked(args);
        if (information.isPresent()) {
            System.out.print(information.get());
            return;
        }
        Optional<SimulateOptions> options;
        try {
            options = SimulateOptions.parse(args);
        } catch (ConfigException bad) {
            System.err.println("agent-events " + bad.getMessage());
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(SimulateOptions.usage());
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        try {
            System.out.println(new Simulator(options.get(), System.out).run(stop));
            System.exit(0);
        } catch (SimulationException failed) {
            System.err.println("agent-events simulate: " + failed.getMessage());
            System.exit(1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** The one time a secret is printed: the generated admin token, to stdout, never to the log. */
    private static void printDemo(PrintStream out, Secret token, int port) {
        out.println();
        out.println("No --tokens-file given: created project '" + DEMO_PROJECT + "' with this admin token:");
        out.println("  " + token.value());
        out.println("Wake its agents:");
        out.println("  curl -i -X POST http://localhost:" + port + "/v2/demo/events -H 'X-Auth-Token: " + token.value()
                + "' -H 'Content-Type: application/json' -d '{\"event\":\"agent_activate\",\"mode\":\"active\"}'");
        out.println("Or watch them: open http://localhost:" + port + "/dashboard/ and paste '" + DEMO_PROJECT
                + "' and the token.");
        out.println();
        out.flush();
    }

    /** SIGTERM or SIGINT: stop accepting, let in-flight requests finish, exit 0. */
    private static void awaitStopSignal(AgentEventsApp app) {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        try {
            stop.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopping: finishing in-flight requests");
        app.close();
        LOG.info("stopped");
        System.exit(0);
    }

    private static String version() {
        return ReleaseVersion.current();
    }
}
