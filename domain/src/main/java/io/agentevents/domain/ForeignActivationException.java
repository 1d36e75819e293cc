package io.agentevents.domain;

/** An activation scoped to one agent was applied to the session of another agent. */
public final class ForeignActivationException extends DomainException {

    private final AgentId target;
    private final AgentId session;

    public ForeignActivationException(AgentId target, AgentId session) {
        super("activation for agent " + target + " cannot be applied to the session of agent " + session);
        this.target = target;
        this.session = session;
    }

    public AgentId target() {
        return target;
    }

    public AgentId session() {
        return session;
    }
}
