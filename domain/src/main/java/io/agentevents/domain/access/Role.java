package io.agentevents.domain.access;

/** What a user token may do in its project. */
public enum Role {
    /** Everything, including deleting agents. */
    ADMIN,
    /** Create, read and update: activate agents, register agents. */
    CREATOR,
    /** Read only. */
    OBSERVER;

    /** Whether this role may activate, register and change agents. */
    public boolean mayWrite() {
        return this != OBSERVER;
    }

    /** Whether this role may delete agents. */
    public boolean mayDelete() {
        return this == ADMIN;
    }
}
