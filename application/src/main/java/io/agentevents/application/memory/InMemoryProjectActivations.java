package io.agentevents.application.memory;

import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Project activations in memory: the newer of two wins, decided atomically per project. */
public class InMemoryProjectActivations implements ProjectActivations {

    private final ConcurrentMap<ProjectId, Activation> activations = new ConcurrentHashMap<>();

    @Override
    public void save(ProjectId project, Activation activation) {
        activations.merge(project, activation, (kept, arriving) -> Activation.kept(Optional.of(kept), arriving));
    }

    @Override
    public Optional<Activation> find(ProjectId project) {
        return Optional.ofNullable(activations.get(project));
    }
}
