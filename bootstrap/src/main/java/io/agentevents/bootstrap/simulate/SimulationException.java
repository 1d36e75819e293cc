package io.agentevents.bootstrap.simulate;

/** The agents could not be set up: the message says why. */
public final class SimulationException extends RuntimeException {

    public SimulationException(String message) {
        super(message);
    }
}
