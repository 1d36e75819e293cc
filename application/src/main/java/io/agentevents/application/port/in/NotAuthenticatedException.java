package io.agentevents.application.port.in;

import java.time.Duration;

/**
 * The request carries no token, or one that is unknown or expired, or wrong agent credentials.
 * A wrong password may carry a delay: the answer is then sent that late, on a timer, so a
 * guesser's connections each wait between guesses and a flood stays cheap to answer.
 */
public final class NotAuthenticatedException extends UseCaseException {

    private final Duration answerLate;

    public NotAuthenticatedException(String message) {
        this(message, Duration.ZERO);
    }

    public NotAuthenticatedException(String message, Duration answerLate) {
        super(message);
        if (answerLate.isNegative()) {
            throw new IllegalArgumentException("answerLate must not be negative");
        }
        this.answerLate = answerLate;
    }

    /** How long to hold the answer back; zero to answer at once. */
    public Duration answerLate() {
        return answerLate;
    }
}
