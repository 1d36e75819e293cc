package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.AgentRow;
import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.Optional;

/** Registered agents in {@code agents}. */
public class PostgresAgentRegistry implements AgentRegistry {

    private static final AgentRow ROWS = new AgentRow();
    private static final String SELECT = "SELECT " + AgentRow.COLUMNS + " FROM agents ";

    private final PostgresStore store;

    public PostgresAgentRegistry(PostgresStore store) {
        this.store = store;
    }

    @Override
    public void add(RegisteredAgent agent, PasswordHash passwordHash) {
        int inserted = store.call(handle -> handle.createUpdate("""
                        INSERT INTO agents (project_id, agent_id, name, version, host_flavor, host_region, host_machine_id,
                                            host_os_name, host_os_version, host_os_architecture, host_fingerprint,
                                            host_address_versions, host_addresses, rsa_modulus, rsa_exponent,
                                            vault_uses_internal, vault_encrypted, enabled, log_level, password_hash,
                                            registered_at)
                        VALUES (:project, :agent, :name, :version, :flavor, :region, :machineId, :osName, :osVersion,
                                :osArchitecture, :fingerprint, :addressVersions, :addresses, :modulus, :exponent,
                                :vaultUsesInternal, :vaultEncrypted, :enabled, :logLevel, :hash, :registeredAt)
                        ON CONFLICT (project_id, agent_id) DO NOTHING
                        """)
                .bindMethods(AgentRow.Values.of(agent))
                .bindArray("addressVersions", Short.class, AgentRow.addressVersions(agent.host()))
                .bindArray("addresses", String.class, AgentRow.addresses(agent.host()))
                .bind("hash", passwordHash.encoded())
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("agent id " + agent.id() + " is already registered");
        }
    }

    @Override
    public Optional<RegisteredAgent> find(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createQuery(SELECT + "WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .map(ROWS)
                .findOne());
    }

    @Override
    public Optional<PasswordHash> passwordHash(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createQuery(
                        "SELECT password_hash FROM agents WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .mapTo(String.class)
                .findOne()
                .map(PasswordHash::new));
    }

    @Override
    public boolean replacePasswordHash(ProjectId project, AgentId agent, PasswordHash expected, PasswordHash next) {
        return store.call(handle -> handle.createUpdate("""
                        UPDATE agents SET password_hash = :next
                         WHERE project_id = :project AND agent_id = :agent AND password_hash = :expected
                        """)
                .bind("project", project.value())
                .bind("agent", agent.value())
                .bind("expected", expected.encoded())
                .bind("next", next.encoded())
                .execute()) == 1;
    }

    /** One conditional update: it waits for a concurrent change of the row and then checks against what that left. */
    @Override
    public boolean updateSettings(ProjectId project, AgentId agent, AgentSettings expected, AgentSettings next) {
        return store.call(handle -> handle.createUpdate("""
                        UPDATE agents SET vault_uses_internal = :vaultUsesInternal, vault_encrypted = :vaultEncrypted,
                                          enabled = :enabled, log_level = :logLevel
                         WHERE project_id = :project AND agent_id = :agent
                           AND vault_uses_internal = :expectedVaultUsesInternal
                           AND vault_encrypted = :expectedVaultEncrypted AND enabled = :expectedEnabled
                           AND log_level = :expectedLogLevel
                        """)
                .bind("project", project.value())
                .bind("agent", agent.value())
                .bindMethods(AgentRow.SettingsValues.of(next))
                .bind("expectedVaultUsesInternal", expected.vaultUsesInternal())
                .bind("expectedVaultEncrypted", expected.vaultEncrypted())
                .bind("expectedEnabled", expected.enabled())
                .bind("expectedLogLevel", Columns.of(expected.logLevel()))
                .execute()) == 1;
    }

    @Override
    public List<RegisteredAgent> list(ProjectId project) {
        return store.call(handle -> handle.createQuery(SELECT + "WHERE project_id = :project ORDER BY registered_at, agent_id")
                .bind("project", project.value())
                .map(ROWS)
                .list());
    }

    @Override
    public boolean remove(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createUpdate("DELETE FROM agents WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .execute()) > 0;
    }
}
