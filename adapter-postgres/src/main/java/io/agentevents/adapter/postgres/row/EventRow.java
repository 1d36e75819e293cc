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
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.session.AgentWentOffline;
import io.agentevents.domain.event.ConfigurationChanged;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** An {@code events} row both ways: one column set for every event type, the unused ones NULL. */
public final class EventRow implements RowMapper<StoredEvent> {

    public static final String COLUMNS = "id, type, at, agent_id, mode, expires_at, busy, agent_name, host_os, host_os_version, "
            + "host_os_architecture, request_id, details";
    /** What an agent registered before the whole operating system was recorded shows for the rest of it. */
    private static final String UNKNOWN = "unknown";

    /**
     * An event as the values of its row's columns, typed; those its type does not use are null.
     * {@code details} is the {@code details} array in PostgreSQL's text form ({@link EventDetails}).
     */
    public record Values(long id, String type, Instant at, UUID agent, String mode, Instant expiresAt, Boolean busy,
                         String agentName, String hostOs, String hostOsVersion, String hostOsArchitecture,
                         UUID requestId, String details) {

        public static Values of(long id, AgentEvent event, RequestId requestId) {
            UUID agent = event.agent().map(AgentId::value).orElse(null);
            String type = Columns.of(event.type());
            if (event instanceof AgentActivated activated) {
                return new Values(id, type, event.at(), agent, Columns.of(activated.activation().mode()),
                        activated.activation().expiresAt().orElse(null), null, null, null, null, null, requestId.value(),
                        null);
            }
            if (event instanceof HeartbeatRecorded heartbeat) {
                return new Values(id, type, event.at(), agent, null, null, heartbeat.busy(), null, null, null, null,
                        requestId.value(), null);
            }
            if (event instanceof AgentRegistered registered) {
                return new Values(id, type, event.at(), agent, null, null, null, registered.name(), registered.os().name(),
                        registered.os().version(), registered.os().architecture(), requestId.value(), null);
            }
            return new Values(id, type, event.at(), agent, null, null, null, null, null, null, null, requestId.value(),
                    EventDetails.arrayLiteral(EventDetails.of(event)));
        }
    }

    @Override
    public StoredEvent map(ResultSet row, StatementContext context) throws SQLException {
        Instant at = Columns.instant(row, "at").orElseThrow();
        Optional<AgentId> agent = Columns.uuid(row, "agent_id").map(AgentId::new);
        RequestId requestId = new RequestId(row.getObject("request_id", UUID.class));
        EventType type = Columns.eventType(row.getString("type"));
        AgentEvent event = FEW_COLUMNS.contains(type)
                ? ofFewColumns(type, at, agent, row.getString("mode"), Columns.instant(row, "expires_at"), requestId)
                : switch (type) {
                    case AGENT_REGISTERED -> new AgentRegistered(agent.orElseThrow(), row.getString("agent_name"),
                            new OperatingSystem(row.getString("host_os"), orUnknown(row.getString("host_os_version")),
                                    orUnknown(row.getString("host_os_architecture"))), at);
                    case AGENT_HEARTBEAT -> new HeartbeatRecorded(agent.orElseThrow(), row.getBoolean("busy"), at);
                    default -> EventDetails.event(type, agent.orElseThrow(), requestId, at, details(row));
                };
        return new StoredEvent(new EventId(row.getLong("id")), event, requestId);
    }

    /** The types whose events need no columns beyond id, type, at, agent, mode, expiry and request. */
    public static final Set<EventType> FEW_COLUMNS = EnumSet.of(EventType.AGENT_ACTIVATE, EventType.AGENT_STARTUP,
            EventType.AGENT_SHUTDOWN, EventType.AGENT_DELETED, EventType.CONFIGURATION_CHANGED, EventType.AGENT_ONLINE,
            EventType.AGENT_OFFLINE);

    /** An event of one of the {@link #FEW_COLUMNS} types from those columns ({@code mode} in its column's text). */
    public static AgentEvent ofFewColumns(EventType type, Instant at, Optional<AgentId> agent, String mode,
                                          Optional<Instant> expiresAt, RequestId requestId) {
        return switch (type) {
            case AGENT_ACTIVATE -> {
                ActivationScope scope = agent.<ActivationScope>map(SingleAgent::new).orElse(ActivationScope.wholeProject());
                yield new AgentActivated(new Activation(scope, Columns.mode(mode), at, expiresAt, requestId));
            }
            case AGENT_STARTUP -> new AgentStartedUp(agent.orElseThrow(), at);
            case AGENT_SHUTDOWN -> new AgentShutDown(agent.orElseThrow(), at);
            case AGENT_DELETED -> new AgentDeleted(agent.orElseThrow(), at);
            case CONFIGURATION_CHANGED -> new ConfigurationChanged(agent.orElseThrow(), at);
            case AGENT_ONLINE -> new AgentCameOnline(agent.orElseThrow(), at);
            case AGENT_OFFLINE -> new AgentWentOffline(agent.orElseThrow(), at);
            default -> throw new IllegalArgumentException(type + " needs more columns");
        };
    }

    private static String[] details(ResultSet row) throws SQLException {
        Object[] elements = AgentRow.elementsOf(row, "details");
        return Arrays.copyOf(elements, elements.length, String[].class);
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
