package io.agentevents.bootstrap.simulate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the simulator prints while it runs and when it ends. */
final class SimulationReport {

    private SimulationReport() {
    }

    /** One line a second: agents, online by the simulator's view, modes, rate, errors, delays. */
    static String progressLine(List<SimulatedAgent> agents, SimulationStats stats, long errors, Instant started,
                               long requestsLastSecond) {
        Instant now = Instant.now();
        Map<String, Long> modes = agents.stream().collect(Collectors.groupingBy(SimulatedAgent::mode, TreeMap::new,
                Collectors.counting()));
        long online = agents.stream().filter(agent -> agent.looksOnline(now)).count();
        return String.format("t=%ds agents=%d online=%d modes=%s requests/s=%d errors=%d %s; %s",
                Duration.between(started, now).toSeconds(), agents.size(), online, modes, requestsLastSecond,
                errors, stats.checkInLatency(), stats.delays());
    }

    /** The CPU time this process has used so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Requests and their rate count the run only, not the set-up (registrations, sign-ins) before it. */
    static String summary(List<SimulatedAgent> agents, SimulationStats stats, long errors, String errorKinds, Instant started,
                          boolean stoppedEarly, long requests) {
        Duration ran = Duration.between(started, Instant.now());
        long online = agents.stream().filter(agent -> agent.looksOnline(Instant.now())).count();
        return String.format("summary: %d agents for %.1f s%s, %d online at the end, %d requests (%.0f/s), %d errors%s, %s, %s",
                agents.size(), ran.toMillis() / 1000.0, stoppedEarly ? " (stopped)" : "", online, requests,
                requests / Math.max(0.001, ran.toMillis() / 1000.0), errors, errorKinds, stats.checkInLatency(),
                stats.delays());
    }
}
