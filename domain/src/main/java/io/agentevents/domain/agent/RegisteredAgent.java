package io.agentevents.domain.agent;

import io.agentevents.domain.TextFields;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.ConfigurationChanged;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent as registered in its project.
 *
 * @param project      its project
 * @param id           the id handed out at registration
 * @param name         the agent's display name (usually its host's name)
 * @param version      the agent software's version
 * @param host         the machine it runs on
 * @param publicKey    the key it registered with; empty only for an agent kept by a store from
 *                     before keys were recorded
 * @param settings     what clients may change later
 * @param registeredAt when it was registered
 */
public record RegisteredAgent(ProjectId project, AgentId id, String name, String version, AgentHost host,
                              Optional<RsaPublicKey> publicKey, AgentSettings settings, Instant registeredAt) {

    /** @throws IllegalArgumentException naming the field that breaks a rule */
    public RegisteredAgent {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(id, "id must not be null");
        TextFields.requireText(name, "name");
        TextFields.requireText(version, "version");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(publicKey, "publicKey must not be null (use Optional.empty())");
        Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(registeredAt, "registeredAt must not be null");
    }

    /** The event that announces the registration in the project's log. */
    public AgentRegistered registeredEvent() {
        return new AgentRegistered(id, name, host.os(), registeredAt);
    }

    /**
     * Applies a client's changes, in order. When they change nothing the agent is as it was and
     * nothing is announced; otherwise a {@link ConfigurationChanged} tells the agent to read its
     * configuration again.
     */
    public Reconfiguration reconfigure(List<SettingChange> changes, Instant at) {
        AgentSettings next = settings;
        for (SettingChange change : changes) {
            next = next.with(change);
        }
        if (next.equals(settings)) {
            return new Reconfiguration(this, this, Optional.empty());
        }
        return new Reconfiguration(this, withSettings(next), Optional.of(new ConfigurationChanged(id, at)));
    }

    /** The same agent with other settings. */
    public RegisteredAgent withSettings(AgentSettings next) {
        return new RegisteredAgent(project, id, name, version, host, publicKey, next, registeredAt);
    }

    /**
     * The outcome of {@link #reconfigure}.
     *
     * @param before the agent as it was
     * @param after  the agent with the changes applied
     * @param event  present when something changed
     */
    public record Reconfiguration(RegisteredAgent before, RegisteredAgent after, Optional<ConfigurationChanged> event) {

        public Reconfiguration {
            Objects.requireNonNull(before, "before must not be null");
            Objects.requireNonNull(after, "after must not be null");
            Objects.requireNonNull(event, "event must not be null");
        }

        /** Whether this change took an enabled agent out of service (its tokens must go). */
        public boolean disablesAgent() {
            return before.settings().enabled() && !after.settings().enabled();
        }
    }
}
