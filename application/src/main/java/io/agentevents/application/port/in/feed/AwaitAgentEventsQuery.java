package io.agentevents.application.port.in.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * An agent's feed, held until it has events: a long-poll.
 *
 * @param maxWait how long an empty page may be held before it is answered as it is
 */
public record AwaitAgentEventsQuery(ListAgentEventsQuery feed, Duration maxWait) {

    public AwaitAgentEventsQuery {
        Objects.requireNonNull(feed, "feed must not be null");
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }
}
