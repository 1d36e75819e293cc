package io.agentevents.application.port.out;

import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.AgentEvent;
import java.util.Objects;

/** An event to append: the log gives it its id. */
public record NewEvent(AgentEvent event, RequestId requestId) {

    public NewEvent {
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
