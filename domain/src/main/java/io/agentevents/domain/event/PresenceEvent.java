package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;

/**
 * A flip of an agent's presence as its project's feed announces it, beyond the v2 reference.
 * Its types live with the presence rules ({@code io.agentevents.domain.session}):
 * {@code AgentCameOnline} and {@code AgentWentOffline}.
 */
public non-sealed interface PresenceEvent extends AgentEvent {

    /** The agent whose presence flipped. */
    AgentId agentId();

    /** Online now, or offline. */
    boolean online();
}
