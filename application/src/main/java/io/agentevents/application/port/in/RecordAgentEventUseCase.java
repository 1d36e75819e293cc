package io.agentevents.application.port.in;

/** {@code POST /v2/{p}/agents/{a}/events} with {@code startup}, {@code shutdown} or {@code heartbeat}. */
@FunctionalInterface
public interface RecordAgentEventUseCase {

    /**
     * @throws AccessDeniedException  unless the agent itself reports, with its own token
     * @throws AgentNotFoundException if the agent is no longer registered
     */
    void record(RecordAgentEventCommand command);
}
