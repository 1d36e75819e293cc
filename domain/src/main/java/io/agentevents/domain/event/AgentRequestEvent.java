package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;

/**
 * An event of a request made of one agent (browse its files, verify or change its vault's
 * password, upload its log file): the request itself, riding the agent's feed, and what the agent
 * answered. Its types live with the requests ({@code io.agentevents.domain.request}); the event
 * carries the request's id as its {@code request_id}, so the request and its answer match.
 */
public non-sealed interface AgentRequestEvent extends AgentEvent {

    /** The agent asked, or answering. */
    AgentId agentId();

    /** The request this event is of. */
    RequestId request();

    /** Its type, which depends on what was asked or answered. */
    @Override
    EventType type();
}
