package io.agentevents.application.memory;

import io.agentevents.application.port.out.EventSignals;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Signals within one process: the in-memory event log raises them right after each append, or,
 * within {@link InMemoryTransactions}, once the whole transaction's work is done, so a listener
 * that reads again sees every change the transaction made, not just its events.
 */
public class InMemoryEventSignals implements EventSignals {

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Signals raised by the transaction running on this thread, held until its work ends. */
    private final ThreadLocal<List<Runnable>> heldBack = new ThreadLocal<>();

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public void appended(ProjectId project, Optional<AgentId> agent) {
        List<Runnable> held = heldBack.get();
        if (held != null) {
            held.add(() -> appended(project, agent));
            return;
        }
        listeners.forEach(listener -> listener.appended(project, agent));
    }

    /** Runs {@code work}, raising the signals it causes when it ends (also when it fails: what it appended stays). */
    <T> T holdingSignals(Supplier<T> work) {
        if (heldBack.get() != null) {
            return work.get(); // nested: the outermost raises them
        }
        List<Runnable> held = new ArrayList<>();
        heldBack.set(held);
        try {
            return work.get();
        } finally {
            heldBack.remove();
            held.forEach(Runnable::run);
        }
    }
}
