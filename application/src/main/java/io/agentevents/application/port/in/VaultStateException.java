package io.agentevents.application.port.in;

/**
 * A vault request that does not fit the vault's state: verifying the password of a vault that is
 * not encrypted, or an encryption request that gives an old password for an unencrypted vault or
 * none for an encrypted one. The reference answers these with 403 and this message.
 */
public final class VaultStateException extends UseCaseException {

    public VaultStateException(String message) {
        super(message);
    }
}
