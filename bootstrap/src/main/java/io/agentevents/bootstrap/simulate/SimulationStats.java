package io.agentevents.bootstrap.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Activation-to-agent delays: how long after an activation was stored a simulated agent saw it. */
final class SimulationStats {

    private static final int MAX_SAMPLES = 1_000_000;

    private final List<Long> delayMicros = new ArrayList<>();

    synchronized void delay(Duration delay) {
        if (delayMicros.size() < MAX_SAMPLES) {
            delayMicros.add(Math.max(0, delay.toNanos() / 1_000));
        }
    }

    /** Count, p50 and p99 of the delays so far, in milliseconds; "no activations seen yet" when none. */
    synchronized String delays() {
        if (delayMicros.isEmpty()) {
            return "no activations seen yet";
        }
        List<Long> sorted = new ArrayList<>(delayMicros);
        Collections.sort(sorted);
        return String.format("activation delay p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d seen)",
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                sorted.size());
    }

    synchronized int samples() {
        return delayMicros.size();
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
