package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.adapter.http.wire.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;

/**
 * One event on the wire, as the reference's examples show them. Fields that do not apply to its
 * type are left out: {@code mode} and {@code expires_at} for activations, {@code busy} for
 * heartbeats, {@code agent} for events about one agent (with its name and operating system for
 * {@code agent_registered}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResponse(String id, String time, String event, String mode, String expiresAt, Boolean busy,
                            AgentRef agent, String requestId) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentRef(String id, String name, HostRef host) {
    }

    public record HostRef(OperatingSystemResponse os) {
    }

    public static EventResponse from(StoredEvent stored) {
        AgentEvent event = stored.event();
        String mode = null;
        String expiresAt = null;
        Boolean busy = null;
        AgentRef agent = event.agent().map(id -> new AgentRef(id.toString(), null, null)).orElse(null);
        if (event instanceof AgentActivated activated) {
            Activation activation = activated.activation();
            mode = WireNames.of(activation.mode());
            expiresAt = activation.expiresAt().map(Timestamps::format).orElse(null);
        } else if (event instanceof HeartbeatRecorded heartbeat) {
            busy = heartbeat.busy();
        } else if (event instanceof AgentRegistered registered) {
            agent = new AgentRef(registered.agentId().toString(), registered.name(),
                    new HostRef(OperatingSystemResponse.from(registered.os())));
        }
        return new EventResponse(Long.toString(stored.id().value()), Timestamps.format(event.at()),
                WireNames.of(event.type()), mode, expiresAt, busy, agent, stored.requestId().toString());
    }
}
