package io.agentevents.bootstrap.simulate;

import io.vertx.core.AsyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Activation-to-agent delays: how long after an activation was stored a simulated agent saw it,
 * kept apart by how it reached the agent, since the three differ by orders of magnitude; and the
 * round trips of clients' browse requests, from sent to the agent's answer read.
 */
final class SimulationStats {

    /** How an activation reached an agent. */
    enum Delivery {
        /** An activation of this agent alone, answering its waiting long-poll. */
        LONG_POLL_ONE_AGENT("long-poll, one agent"),
        /** A project-wide activation, which wakes every waiting agent of the project at once. */
        LONG_POLL_PROJECT_WIDE("long-poll, project-wide"),
        /** Seen on the next poll of an agent polling on an interval. */
        POLLING("polling");

        private final String label;

        Delivery(String label) {
            this.label = label;
        }
    }

    private static final int MAX_SAMPLES = 1_000_000;

    private final Map<Delivery, List<Long>> micros = new EnumMap<>(Delivery.class);
    private final List<Long> roundTrips = new ArrayList<>();
    private final List<Long> accepted = new ArrayList<>();
    private final List<Long> afterAccepted = new ArrayList<>();
    /** Check-ins (polls that do not wait) from sent to answered, in microseconds. */
    private final ConcurrentHistogram checkIns = new ConcurrentHistogram(3);

    /** Statuses read during the run of agents the simulator saw online: shown online, shown offline, unread. */
    private final AtomicLong[] statuses = {new AtomicLong(), new AtomicLong(), new AtomicLong()};

    void statusRead(AsyncResult<Boolean> online) {
        statuses[online.failed() ? 2 : online.result() ? 0 : 1].incrementAndGet();
    }

    String statusSamples() {
        return String.format("statuses sampled during the run: %d online, %d offline, %d unread",
                statuses[0].get(), statuses[1].get(), statuses[2].get());
    }

    /** The run begins: check-ins count from here, not those of the set-up, which waits on registrations. */
    void setUpDone() {
        checkIns.reset();
    }

    void checkedIn(long nanos) {
        checkIns.recordValue(Math.max(0, nanos / 1_000));
    }

    /** p50, p99, max and count of the check-ins so far. */
    String checkInLatency() {
        if (checkIns.getTotalCount() == 0) {
            return "no check-ins yet";
        }
        return String.format("check-in p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d)",
                checkIns.getValueAtPercentile(50) / 1000.0, checkIns.getValueAtPercentile(99) / 1000.0,
                checkIns.getMaxValue() / 1000.0, checkIns.getTotalCount());
    }

    synchronized void delay(Duration delay, Delivery delivery) {
        List<Long> samples = micros.computeIfAbsent(delivery, ignored -> new ArrayList<>());
        if (samples.size() < MAX_SAMPLES) {
            samples.add(Math.max(0, delay.toNanos() / 1_000));
        }
    }

    /**
     * A client's browse request answered: from sent to its 202 (the request stored), and from its
     * 202 to the answer read (the agent hears, answers, and the client's wait wakes).
     */
    synchronized void browsed(Duration untilAccepted, Duration untilAnswered) {
        add(roundTrips, untilAccepted.plus(untilAnswered));
        add(accepted, untilAccepted);
        add(afterAccepted, untilAnswered);
    }

    private static void add(List<Long> samples, Duration took) {
        if (samples.size() < MAX_SAMPLES) {
            samples.add(Math.max(0, took.toNanos() / 1_000));
        }
    }

    /** p50, p99, max and count of the delays so far, in milliseconds, by way of delivery; and of browse round trips. */
    synchronized String delays() {
        String activations = micros.isEmpty() ? "no activations seen yet" : "activation delay " + micros.entrySet().stream()
                .map(entry -> describe(entry.getKey().label, entry.getValue()))
                .collect(Collectors.joining("; "));
        if (roundTrips.isEmpty()) {
            return activations;
        }
        return activations + "; " + (describe("browse round trip", roundTrips) + "; " + describe("browse sent to 202", accepted)
                + "; " + describe("browse 202 to answer", afterAccepted)).replace(" seen)", " answered)");
    }

    private static String describe(String how, List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return String.format("%s p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d seen)", how,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                sorted.size());
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
