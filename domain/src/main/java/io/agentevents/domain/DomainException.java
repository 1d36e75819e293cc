package io.agentevents.domain;

/**
 * A request that breaks a rule of the agent-session model. Values of the wrong shape are not
 * domain exceptions (they fail with {@link IllegalArgumentException} while being built); these
 * are well-formed requests that the model refuses.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ForeignActivationException, AnswerRefusedException {

    /** A refusal, explained by {@code message}. */
    protected DomainException(String message) {
        super(message);
    }
}
