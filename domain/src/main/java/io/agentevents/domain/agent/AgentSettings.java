package io.agentevents.domain.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client may change about an agent after registration.
 *
 * @param enabled           a disabled agent keeps its registration but may not sign in or act
 * @param logLevel          how much the agent should log
 * @param vaultUsesInternal whether the agent reaches its vault over the internal network
 */
public record AgentSettings(boolean enabled, LogLevel logLevel, boolean vaultUsesInternal) {

    public AgentSettings {
        Objects.requireNonNull(logLevel, "logLevel must not be null");
    }

    /**
     * A new agent's settings: enabled, logging at {@link LogLevel#DEFAULT}, and the vault network
     * it asked for, else its flavor's default.
     */
    public static AgentSettings initial(Flavor flavor, Optional<Boolean> vaultUsesInternal) {
        return new AgentSettings(true, LogLevel.DEFAULT, vaultUsesInternal.orElse(flavor.usesInternalVaultByDefault()));
    }

    /** These settings with {@code change} made. */
    public AgentSettings with(SettingChange change) {
        return change.applyTo(this);
    }
}
