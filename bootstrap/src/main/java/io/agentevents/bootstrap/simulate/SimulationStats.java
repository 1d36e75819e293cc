package io.agentevents.bootstrap.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Activation-to-agent delays: how long after an activation was stored a simulated agent saw it,
 * kept apart by how the agent was reading: long-polling (real_time) or polling on an interval.
 */
final class SimulationStats {

    private static final int MAX_SAMPLES = 1_000_000;

    private final List<Long> longPollMicros = new ArrayList<>();
    private final List<Long> pollMicros = new ArrayList<>();

    synchronized void delay(Duration delay, boolean longPolling) {
        List<Long> samples = longPolling ? longPollMicros : pollMicros;
        if (samples.size() < MAX_SAMPLES) {
            samples.add(Math.max(0, delay.toNanos() / 1_000));
        }
    }

    /** p50, p99 and count of the delays so far, in milliseconds, by way of reading. */
    synchronized String delays() {
        if (longPollMicros.isEmpty() && pollMicros.isEmpty()) {
            return "no activations seen yet";
        }
        return "activation delay " + describe("long-polling", longPollMicros) + "; " + describe("polling", pollMicros);
    }

    private static String describe(String how, List<Long> samples) {
        if (samples.isEmpty()) {
            return how + " none";
        }
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
