package io.agentevents.domain.request;

/** What a client asks of an agent: each kind has its own routes, events and answer. */
public enum RequestKind {
    /** List the files at a path of the agent's host. */
    BROWSE,
    /** Check that a password opens a vault. */
    VAULT_PASSWORD_VERIFICATION,
    /** Encrypt the agent's vault, or change its password. */
    VAULT_ENCRYPTION,
    /** Upload the agent's log file. */
    LOGFILE_UPLOAD
}
