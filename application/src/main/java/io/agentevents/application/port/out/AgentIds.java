package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;

/** Hands out the ids of new agents. */
@FunctionalInterface
public interface AgentIds {

    /** @return an id never handed out before */
    AgentId next();
}
