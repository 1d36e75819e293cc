package io.agentevents.domain.activation;

/** Covers every agent of the project, including those registered later. */
public enum WholeProject implements ActivationScope {
    INSTANCE
}
