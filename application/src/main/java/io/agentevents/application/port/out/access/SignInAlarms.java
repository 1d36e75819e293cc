package io.agentevents.application.port.out.access;

/** Where the service tells an operator that someone keeps signing in with wrong passwords. */
@FunctionalInterface
public interface SignInAlarms {

    void burstBegan(WrongPasswordBurst burst);

    /** Tells nobody (for tests and embedders who do not watch). */
    static SignInAlarms ignored() {
        return burst -> {
        };
    }
}
