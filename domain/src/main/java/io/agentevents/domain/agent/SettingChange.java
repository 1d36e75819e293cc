package io.agentevents.domain.agent;

import java.util.Objects;

/** One change a client asks for in an agent's {@link AgentSettings}. */
public sealed interface SettingChange {

    /** The settings with this change made. */
    AgentSettings applyTo(AgentSettings settings);

    /** Enables or disables the agent. */
    record SetEnabled(boolean enabled) implements SettingChange {

        @Override
        public AgentSettings applyTo(AgentSettings settings) {
            return new AgentSettings(enabled, settings.logLevel(), settings.vaultUsesInternal(), settings.vaultEncrypted());
        }
    }

    /** Sets how much the agent logs. */
    record SetLogLevel(LogLevel level) implements SettingChange {

        public SetLogLevel {
            Objects.requireNonNull(level, "level must not be null");
        }

        @Override
        public AgentSettings applyTo(AgentSettings settings) {
            return new AgentSettings(settings.enabled(), level, settings.vaultUsesInternal(), settings.vaultEncrypted());
        }
    }

    /** Sets whether the agent reaches its vault over the internal network. */
    record SetVaultUsesInternal(boolean internal) implements SettingChange {

        @Override
        public AgentSettings applyTo(AgentSettings settings) {
            return new AgentSettings(settings.enabled(), settings.logLevel(), internal, settings.vaultEncrypted());
        }
    }
}
