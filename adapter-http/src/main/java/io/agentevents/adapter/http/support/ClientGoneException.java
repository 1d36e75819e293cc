package io.agentevents.adapter.http.support;

/** The client closed the connection while its request waited (a long-poll); there is nobody to answer. */
public final class ClientGoneException extends RuntimeException {

    public ClientGoneException() {
        super("client closed the connection while waiting", null, false, false);
    }
}
