package io.agentevents.adapter.http.dto;

import io.agentevents.adapter.http.wire.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentevents.application.port.in.AgentRegistration;

/**
 * The answer to a registration. {@code password} is shown this once; the copy kept for
 * {@code Idempotency-Key} replays leaves it out, since it is never stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentRegistrationResponse(String id, String password, String name, String version, HostResponse host,
                                        String registeredAt) {

    public static AgentRegistrationResponse from(AgentRegistration registration) {
        var agent = registration.agent();
        return new AgentRegistrationResponse(agent.id().toString(), registration.password().value(), agent.name(),
                agent.version(), new HostResponse(agent.host().name(), agent.host().os()),
                Timestamps.format(agent.registeredAt()));
    }

    public AgentRegistrationResponse withoutPassword() {
        return new AgentRegistrationResponse(id, null, name, version, host, registeredAt);
    }
}
