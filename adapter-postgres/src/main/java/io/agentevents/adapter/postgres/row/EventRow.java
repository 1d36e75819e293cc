package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentDeleted;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.OperatingSystem;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.ConfigurationChanged;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** An {@code events} row both ways: one column set for every event type, the unused ones NULL. */
public final class EventRow implements RowMapper<StoredEvent> {

    public static final String COLUMNS = "id, type, at, agent_id, mode, expires_at, busy, agent_name, host_os, host_os_version, "
            + "host_os_architecture, request_id";
    /** The parameters of {@link #columns}, in the order of {@link #COLUMNS}, cast as the columns need. */
    public static final String VALUES = ":id, :type, :at, CAST(:agent AS uuid), :mode, CAST(:expiresAt AS timestamptz), "
            + "CAST(:busy AS boolean), :agentName, :hostOs, :hostOsVersion, :hostOsArchitecture, :requestId";
    /** What an agent registered before the whole operating system was recorded shows for the rest of it. */
    private static final String UNKNOWN = "unknown";

    /** The named parameters of one insert, for {@code (:id, :type, …)}. */
    public static Map<String, Object> columns(long id, AgentEvent event, RequestId requestId) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", id);
        columns.put("type", Columns.of(event.type()));
        columns.put("at", Columns.of(event.at()));
        columns.put("agent", event.agent().map(AgentId::value).orElse(null));
        columns.put("mode", null);
        columns.put("expiresAt", null);
        columns.put("busy", null);
        columns.put("agentName", null);
        columns.put("hostOs", null);
        columns.put("hostOsVersion", null);
        columns.put("hostOsArchitecture", null);
        columns.put("requestId", requestId.value());
        if (event instanceof AgentActivated activated) {
            columns.put("mode", Columns.of(activated.activation().mode()));
            columns.put("expiresAt", activated.activation().expiresAt().map(Columns::of).orElse(null));
        } else if (event instanceof HeartbeatRecorded heartbeat) {
            columns.put("busy", heartbeat.busy());
        } else if (event instanceof AgentRegistered registered) {
            columns.put("agentName", registered.name());
            columns.put("hostOs", registered.os().name());
            columns.put("hostOsVersion", registered.os().version());
            columns.put("hostOsArchitecture", registered.os().architecture());
        }
        return columns;
    }

    @Override
    public StoredEvent map(ResultSet row, StatementContext context) throws SQLException {
        Instant at = Columns.instant(row, "at").orElseThrow();
        Optional<AgentId> agent = Columns.uuid(row, "agent_id").map(AgentId::new);
        RequestId requestId = new RequestId(row.getObject("request_id", UUID.class));
        AgentEvent event = switch (Columns.eventType(row.getString("type"))) {
            case AGENT_ACTIVATE -> {
                ActivationScope scope = agent.<ActivationScope>map(SingleAgent::new).orElse(ActivationScope.wholeProject());
                yield new AgentActivated(new Activation(scope, Columns.mode(row.getString("mode")), at,
                        Columns.instant(row, "expires_at"), requestId));
            }
            case AGENT_REGISTERED -> new AgentRegistered(agent.orElseThrow(), row.getString("agent_name"),
                    new OperatingSystem(row.getString("host_os"), orUnknown(row.getString("host_os_version")),
                            orUnknown(row.getString("host_os_architecture"))), at);
            case AGENT_HEARTBEAT -> new HeartbeatRecorded(agent.orElseThrow(), row.getBoolean("busy"), at);
            case AGENT_STARTUP -> new AgentStartedUp(agent.orElseThrow(), at);
            case AGENT_SHUTDOWN -> new AgentShutDown(agent.orElseThrow(), at);
            case AGENT_DELETED -> new AgentDeleted(agent.orElseThrow(), at);
            case CONFIGURATION_CHANGED -> new ConfigurationChanged(agent.orElseThrow(), at);
        };
        return new StoredEvent(new EventId(row.getLong("id")), event, requestId);
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
