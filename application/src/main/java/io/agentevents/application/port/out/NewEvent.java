package io.agentevents.application.port.out;

import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentRequestEvent;
import java.util.Objects;

/**
 * An event to append: the log gives it its id. An activation is appended by the request that
 * made it, so its event carries the activation's own request id; so does the event of a request
 * made of an agent, or of its answer, carry that request's id.
 */
public record NewEvent(AgentEvent event, RequestId requestId) {

    /** @throws IllegalArgumentException if an activation is appended under another request's id */
    public NewEvent {
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
        if (event instanceof AgentActivated activated && !activated.activation().requestId().equals(requestId)) {
            throw new IllegalArgumentException("an activation event carries the request id of its activation");
        }
        if (event instanceof AgentRequestEvent ofRequest && !ofRequest.request().equals(requestId)) {
            throw new IllegalArgumentException("an event of a request made of an agent carries that request's id");
        }
    }

    /** The event of a request made of an agent, or of its answer, under that request's id. */
    public static NewEvent of(AgentRequestEvent event) {
        return new NewEvent(event, event.request());
    }

    /** The event of an activation, under the request that made it. */
    public static NewEvent of(Activation activation) {
        return new NewEvent(new AgentActivated(activation), activation.requestId());
    }
}
