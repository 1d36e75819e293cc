package io.agentevents.application.port.out.access;

/** The source of new secrets (agent passwords and tokens). */
@FunctionalInterface
public interface Secrets {

    /** @return a fresh, unguessable secret of at least 128 random bits, URL-safe text */
    String next();
}
