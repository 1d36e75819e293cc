package io.agentevents.domain.activation;

/** Which agents an activation covers: every agent of a project, or a single agent. */
public sealed interface ActivationScope permits WholeProject, SingleAgent {

    /** Every agent of the project, including agents registered after the activation. */
    static ActivationScope wholeProject() {
        return WholeProject.INSTANCE;
    }
}
