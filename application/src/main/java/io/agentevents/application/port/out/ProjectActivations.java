package io.agentevents.application.port.out;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import java.util.Optional;

/**
 * Each project's latest whole-project activation, kept once per project: activating a project is
 * one write however many agents it has, and agents registered later are covered too. The
 * sessions of the same store are read together with it ({@link AgentSessionRepository#find}).
 */
public interface ProjectActivations {

    /** Keeps {@code activation} as the project's unless a newer one is kept, whatever the order they arrive in. */
    void save(ProjectId project, Activation activation);

    /** The project's latest activation, if it ever had one. */
    Optional<Activation> find(ProjectId project);
}
