package io.agentevents.domain;

/** An activation scoped to one agent was applied to the session of another agent. */
public final class ForeignActivationException extends DomainException {

    private final AgentId target;
    private final AgentId session;

    /** The activation for {@code target} met the session of {@code session}. */
    public ForeignActivationException(AgentId target, AgentId session) {
        super("activation for agent " + target + " cannot be applied to the session of agent " + session);
        this.target = target;
        this.session = session;
    }

    /** The agent the activation was for. */
    public AgentId target() {
        return target;
    }

    /** The agent whose session it was applied to. */
    public AgentId session() {
        return session;
    }
}
