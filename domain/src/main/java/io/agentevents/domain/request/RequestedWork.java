package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.TextFields;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a client asks an agent to do, as the request's event tells the agent. */
public sealed interface RequestedWork {

    /** The longest path a browse may name or answer for. */
    int MAX_PATH_LENGTH = 4_096;

    RequestKind kind();

    /**
     * List the files at {@code path} ({@code host_browse}).
     *
     * @param path        the path as text
     * @param pathEncoded the path's bytes, when they are not valid UTF-8
     */
    record BrowseHost(String path, Optional<Base64Text> pathEncoded) implements RequestedWork {

        public BrowseHost {
            TextFields.requireText(path, "path", MAX_PATH_LENGTH);
            Objects.requireNonNull(pathEncoded, "pathEncoded must not be null (use Optional.empty())");
        }

        @Override
        public RequestKind kind() {
            return RequestKind.BROWSE;
        }
    }

    /**
     * Check that {@code password} opens the vault of {@code vaultOf} ({@code vault_password_verify}):
     * an agent may verify another agent's vault password for a client.
     *
     * @param password the password, encrypted for the agent asked
     * @param vaultOf  the agent whose vault it is: the agent asked, or another of the project
     */
    record VerifyVaultPassword(EncryptedPassword password, AgentId vaultOf) implements RequestedWork {

        public VerifyVaultPassword {
            Objects.requireNonNull(password, "password must not be null");
            Objects.requireNonNull(vaultOf, "vaultOf must not be null");
        }

        @Override
        public RequestKind kind() {
            return RequestKind.VAULT_PASSWORD_VERIFICATION;
        }
    }

    /**
     * Encrypt the agent's vault with {@code next} ({@code vault_encryption_enable}), or, given
     * the vault's current password, change it to {@code next} ({@code vault_encryption_change}).
     *
     * @param current the password the vault is encrypted with; empty to encrypt it first
     * @param next    the password it should be encrypted with
     */
    record EncryptVault(Optional<EncryptedPassword> current, EncryptedPassword next) implements RequestedWork {

        public EncryptVault {
            Objects.requireNonNull(current, "current must not be null (use Optional.empty())");
            Objects.requireNonNull(next, "next must not be null");
        }

        /** Whether this changes the password of an encrypted vault, rather than encrypting it. */
        public boolean changesPassword() {
            return current.isPresent();
        }

        /** The action the agent reports when it has done this. */
        public EncryptionAction action() {
            return changesPassword() ? EncryptionAction.CHANGED : EncryptionAction.ENABLED;
        }

        @Override
        public RequestKind kind() {
            return RequestKind.VAULT_ENCRYPTION;
        }
    }

    /**
     * Upload the agent's log file ({@code logfile_upload}), named after {@code date}.
     *
     * @param date the log file's date: when it was requested
     */
    record UploadLogfile(Instant date) implements RequestedWork {

        public UploadLogfile {
            Objects.requireNonNull(date, "date must not be null");
        }

        @Override
        public RequestKind kind() {
            return RequestKind.LOGFILE_UPLOAD;
        }
    }
}
