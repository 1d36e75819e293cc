package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentIds;
import io.agentevents.domain.AgentId;
import java.util.UUID;

/** Random (version 4) UUIDs: 122 random bits make a collision practically impossible. */
public class RandomAgentIds implements AgentIds {

    @Override
    public AgentId next() {
        return new AgentId(UUID.randomUUID());
    }
}
