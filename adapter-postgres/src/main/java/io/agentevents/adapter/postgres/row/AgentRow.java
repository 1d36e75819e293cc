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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            + "host_addresses, rsa_modulus, rsa_exponent, vault_uses_internal, enabled, log_level, registered_at";

    /** The named parameters of an insert; the address arrays are bound apart ({@link #addressVersions}). */
    public static Map<String, Object> columns(RegisteredAgent agent) {
        Map<String, Object> columns = new HashMap<>();
        AgentHost host = agent.host();
        columns.put("project", agent.project().value());
        columns.put("agent", agent.id().value());
        columns.put("name", agent.name());
        columns.put("version", agent.version());
        columns.put("flavor", Columns.of(host.flavor()));
        columns.put("region", host.region().orElse(null));
        columns.put("machineId", host.machineId());
        columns.put("osName", host.os().name());
        columns.put("osVersion", host.os().version());
        columns.put("osArchitecture", host.os().architecture());
        columns.put("fingerprint", host.fingerprint());
        columns.put("modulus", agent.publicKey().map(RsaPublicKey::modulus).orElse(null));
        columns.put("exponent", agent.publicKey().map(RsaPublicKey::exponent).orElse(null));
        columns.put("registeredAt", Columns.of(agent.registeredAt()));
        columns.putAll(settings(agent.settings()));
        return columns;
    }

    /** The parameters of the settings' columns, for an insert or an update. */
    public static Map<String, Object> settings(AgentSettings settings) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("vaultUsesInternal", settings.vaultUsesInternal());
        columns.put("enabled", settings.enabled());
        columns.put("logLevel", Columns.of(settings.logLevel()));
        return columns;
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
                row.getBoolean("vault_uses_internal"));
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
