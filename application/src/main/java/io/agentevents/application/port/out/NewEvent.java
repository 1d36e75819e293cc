package io.agentevents.application.port.out;

import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import java.util.Objects;

/**
 * An event to append: the log gives it its id. An activation is appended by the request that
 * made it, so its event carries the activation's own request id.
 */
public record NewEvent(AgentEvent event, RequestId requestId) {

    /** @throws IllegalArgumentException if an activation is appended under another request's id */
    public NewEvent {
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
        if (event instanceof AgentActivated activated && !activated.activation().requestId().equals(requestId)) {
            throw new IllegalArgumentException("an activation event carries the request id of its activation");
        }
    }

    /** The event of an activation, under the request that made it. */
    public static NewEvent of(Activation activation) {
        return new NewEvent(new AgentActivated(activation), activation.requestId());
    }
}
