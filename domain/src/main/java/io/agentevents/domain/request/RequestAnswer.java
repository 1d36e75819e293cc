package io.agentevents.domain.request;

import io.agentevents.domain.TextFields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an agent answers to a request. */
public sealed interface RequestAnswer {

    /** The kind of request it answers. */
    RequestKind kind();

    /**
     * What the answer's event in the log carries: the answer itself, but a browse's listing,
     * which may be megabytes, is left to the request's result.
     */
    RequestAnswer forLog();

    /**
     * The files at a path ({@code host_browsed}).
     *
     * @param succeeded   whether the agent could list the path
     * @param path        the path it listed
     * @param pathEncoded the path's bytes, when they are not valid UTF-8
     * @param items       the path's entries, in the agent's order
     */
    record BrowseListing(boolean succeeded, String path, Optional<Base64Text> pathEncoded, List<BrowsedItem> items)
            implements RequestAnswer {

        public BrowseListing {
            TextFields.requireText(path, "path", RequestedWork.MAX_PATH_LENGTH);
            Objects.requireNonNull(pathEncoded, "pathEncoded must not be null (use Optional.empty())");
            items = List.copyOf(items);
        }

        @Override
        public RequestKind kind() {
            return RequestKind.BROWSE;
        }

        @Override
        public BrowseListing forLog() {
            return items.isEmpty() ? this : new BrowseListing(succeeded, path, pathEncoded, List.of());
        }
    }

    /**
     * Whether the password opened the vault ({@code vault_password_verified}).
     *
     * @param valid the agent's verdict
     */
    record PasswordVerification(boolean valid) implements RequestAnswer {

        @Override
        public RequestKind kind() {
            return RequestKind.VAULT_PASSWORD_VERIFICATION;
        }

        @Override
        public PasswordVerification forLog() {
            return this;
        }
    }

    /**
     * How encrypting the vault, or changing its password, went ({@code vault_encryption_enabled}
     * or {@code vault_encryption_changed}).
     *
     * @param action    what the agent did
     * @param succeeded whether it worked
     */
    record EncryptionReport(EncryptionAction action, boolean succeeded) implements RequestAnswer {

        public EncryptionReport {
            Objects.requireNonNull(action, "action must not be null");
        }

        /** Whether this leaves a vault encrypted that was not before. */
        public boolean encryptsVault() {
            return action == EncryptionAction.ENABLED && succeeded;
        }

        @Override
        public RequestKind kind() {
            return RequestKind.VAULT_ENCRYPTION;
        }

        @Override
        public EncryptionReport forLog() {
            return this;
        }
    }
}
