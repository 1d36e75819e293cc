package io.agentevents.application.port.in.feed;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/{p}/agents/{a}/events} with {@code startup}, {@code shutdown} or {@code heartbeat}. */
@FunctionalInterface
public interface RecordAgentEventUseCase {

    /**
     * A heartbeat is buffered and written with the node's next presence flush (a heartbeat of an
     * agent deleted meanwhile is dropped then); a startup or shutdown is written before this returns.
     *
     * @return completes once done; fails (never throws) with
     *         {@link AccessDeniedException} unless the agent itself reports, with its own token,
     *         {@link AgentNotFoundException} if the agent of a startup or shutdown is no longer registered
     */
    CompletionStage<Void> record(RecordAgentEventCommand command);
}
