package io.agentevents.domain;

/**
 * An agent's answer that does not fit its request: the request was answered already, the answer
 * says it did something else than was asked, or a log file's upload would go backwards.
 */
public final class AnswerRefusedException extends DomainException {

    /** A refusal, explained by {@code message}. */
    public AnswerRefusedException(String message) {
        super(message);
    }
}
