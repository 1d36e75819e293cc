package io.agentevents.domain.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client may change about an agent after registration.
 *
 * @param enabled           a disabled agent keeps its registration but may not sign in or act
 * @param logLevel          how much the agent should log
 * @param vaultUsesInternal whether the agent reaches its vault over the internal network
 * @param vaultEncrypted    whether the agent's vault is encrypted: set once the agent reports that
 *                          it encrypted it, as a client asked
 */
public record AgentSettings(boolean enabled, LogLevel logLevel, boolean vaultUsesInternal, boolean vaultEncrypted) {

    public AgentSettings {
        Objects.requireNonNull(logLevel, "logLevel must not be null");
    }

    /** Settings of an agent whose vault is not encrypted. */
    public AgentSettings(boolean enabled, LogLevel logLevel, boolean vaultUsesInternal) {
        this(enabled, logLevel, vaultUsesInternal, false);
    }

    /**
     * A new agent's settings: enabled, logging at {@link LogLevel#DEFAULT}, and the vault network
     * it asked for, else its flavor's default.
     */
    public static AgentSettings initial(Flavor flavor, Optional<Boolean> vaultUsesInternal) {
        return new AgentSettings(true, LogLevel.DEFAULT, vaultUsesInternal.orElse(flavor.usesInternalVaultByDefault()));
    }

    /** These settings, with the vault encrypted. */
    public AgentSettings withVaultEncrypted() {
        return new AgentSettings(enabled, logLevel, vaultUsesInternal, true);
    }

    /** These settings with {@code change} made. */
    public AgentSettings with(SettingChange change) {
        return change.applyTo(this);
    }
}
