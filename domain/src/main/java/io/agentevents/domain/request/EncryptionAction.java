package io.agentevents.domain.request;

/** What an agent reports it did to its vault's encryption. */
public enum EncryptionAction {
    /** It encrypted a vault that was not encrypted. */
    ENABLED,
    /** It changed the password of an encrypted vault. */
    CHANGED
}
