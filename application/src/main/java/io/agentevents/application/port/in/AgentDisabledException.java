package io.agentevents.application.port.in;

import io.agentevents.domain.AgentId;

/** The agent was disabled by a client of its project: it may not sign in until it is enabled again. */
public final class AgentDisabledException extends UseCaseException {

    public AgentDisabledException(AgentId agent) {
        super("agent " + agent + " is disabled; a user of its project may enable it again");
    }
}
