package io.agentevents.application.port.in.feed;

/**
 * {@code GET /v2/{p}/agents/{a}/events?wait=S}: the feed as {@link ListAgentEventsUseCase} reads
 * it (the agent's check-in included), but an empty page for the agent itself is held until the
 * feed grows or the wait runs out. No thread is held while it waits, and one read of a project's
 * new events serves all of its agents waiting when the whole project is activated.
 */
@FunctionalInterface
public interface AwaitAgentEventsUseCase {

    PendingPage await(AwaitAgentEventsQuery query);
}
