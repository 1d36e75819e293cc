package io.agentevents.adapter.http.edge;

/** A known path asked with a method it does not have. */
public class MethodNotAllowedException extends RuntimeException {

    private final String allow;

    public MethodNotAllowedException(String allow) {
        super("method not allowed; allowed: " + allow);
        this.allow = allow;
    }

    public String allow() {
        return allow;
    }
}
