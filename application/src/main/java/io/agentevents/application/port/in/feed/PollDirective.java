package io.agentevents.application.port.in.feed;

import io.agentevents.domain.activation.Mode;
import java.time.Duration;
import java.util.Objects;

/** Tells a polling agent its mode and when to poll next. */
public record PollDirective(Mode mode, Duration pollEvery) {

    public PollDirective {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(pollEvery, "pollEvery must not be null");
    }
}
