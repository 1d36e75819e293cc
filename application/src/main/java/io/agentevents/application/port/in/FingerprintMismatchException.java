package io.agentevents.application.port.in;

import io.agentevents.domain.AgentId;

/** An agent asked for a token from another machine than the one it registered from. */
public final class FingerprintMismatchException extends UseCaseException {

    public FingerprintMismatchException(AgentId agent) {
        super("host fingerprint differs from the one agent " + agent + " registered with");
    }
}
