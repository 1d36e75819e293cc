package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.IpAddress;
import io.agentevents.domain.OperatingSystem;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.agent.RsaPublicKey;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * An {@code agents} row both ways. The host's addresses are two arrays, versions and addresses
 * at the same index; the agent is rebuilt through its constructors, which check it again.
 */
public final class AgentRow implements RowMapper<RegisteredAgent> {

    public static final String COLUMNS = "project_id, agent_id, name, version, host_flavor, host_region, host_machine_id, "
            + "host_os_name, host_os_version, host_os_architecture, host_fingerprint, host_address_versions, "
            + "host_addresses, rsa_modulus, rsa_exponent, vault_uses_internal, vault_encrypted, enabled, log_level, registered_at";

    /**
     * An agent as the parameters of an insert, typed, bound by name ({@code bindMethods}); the
     * address arrays are bound apart ({@link #addressVersions}).
     */
    public record Values(String project, UUID agent, String name, String version, String flavor, String region,
                         String machineId, String osName, String osVersion, String osArchitecture, String fingerprint,
                         String modulus, String exponent, OffsetDateTime registeredAt, boolean vaultUsesInternal,
                         boolean vaultEncrypted, boolean enabled, String logLevel) {

        public static Values of(RegisteredAgent agent) {
            AgentHost host = agent.host();
            AgentSettings settings = agent.settings();
            return new Values(agent.project().value(), agent.id().value(), agent.name(), agent.version(),
                    Columns.of(host.flavor()), host.region().orElse(null), host.machineId(), host.os().name(),
                    host.os().version(), host.os().architecture(), host.fingerprint(),
                    agent.publicKey().map(RsaPublicKey::modulus).orElse(null),
                    agent.publicKey().map(RsaPublicKey::exponent).orElse(null), Columns.of(agent.registeredAt()),
                    settings.vaultUsesInternal(), settings.vaultEncrypted(), settings.enabled(),
                    Columns.of(settings.logLevel()));
        }
    }

    /** The settings' columns as the parameters of an update, bound by name. */
    public record SettingsValues(boolean vaultUsesInternal, boolean vaultEncrypted, boolean enabled, String logLevel) {

        public static SettingsValues of(AgentSettings settings) {
            return new SettingsValues(settings.vaultUsesInternal(), settings.vaultEncrypted(), settings.enabled(),
                    Columns.of(settings.logLevel()));
        }
    }

    /** The elements of an array column, the array freed after; empty for NULL. */
    public static Object[] elementsOf(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? new Object[0] : elements(array);
    }

    public static List<Short> addressVersions(AgentHost host) {
        return host.addresses().stream().map(address -> (short) address.version()).toList();
    }

    public static List<String> addresses(AgentHost host) {
        return host.addresses().stream().map(IpAddress::addr).toList();
    }

    @Override
    public RegisteredAgent map(ResultSet row, StatementContext context) throws SQLException {
        OperatingSystem os = new OperatingSystem(row.getString("host_os_name"), row.getString("host_os_version"),
                row.getString("host_os_architecture"));
        AgentHost host = new AgentHost(Columns.flavor(row.getString("host_flavor")),
                Optional.ofNullable(row.getString("host_region")), row.getString("host_machine_id"), os,
                row.getString("host_fingerprint"), addresses(row));
        String modulus = row.getString("rsa_modulus");
        Optional<RsaPublicKey> key = modulus == null ? Optional.empty()
                : Optional.of(new RsaPublicKey(modulus, row.getString("rsa_exponent")));
        AgentSettings settings = new AgentSettings(row.getBoolean("enabled"), Columns.logLevel(row.getString("log_level")),
                row.getBoolean("vault_uses_internal"), row.getBoolean("vault_encrypted"));
        return new RegisteredAgent(new ProjectId(row.getString("project_id")), new AgentId(row.getObject("agent_id", UUID.class)),
                row.getString("name"), row.getString("version"), host, key, settings,
                Columns.instant(row, "registered_at").orElseThrow());
    }

    private static List<IpAddress> addresses(ResultSet row) throws SQLException {
        Object[] versions = elements(row.getArray("host_address_versions"));
        Object[] addrs = elements(row.getArray("host_addresses"));
        List<IpAddress> addresses = new ArrayList<>(addrs.length);
        for (int i = 0; i < addrs.length; i++) {
            addresses.add(new IpAddress(((Number) versions[i]).intValue(), (String) addrs[i]));
        }
        return addresses;
    }

    private static Object[] elements(Array array) throws SQLException {
        try {
            return (Object[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
