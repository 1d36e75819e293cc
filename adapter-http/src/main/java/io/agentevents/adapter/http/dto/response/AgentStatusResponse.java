package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.domain.session.AgentStatus;

/** Times are null when there is none (an idle agent's mode never expires; a new agent never beat). */
public record AgentStatusResponse(boolean online, boolean busy, String mode, String modeExpiresAt,
                                  String lastHeartbeatAt, boolean reliable) {

    public static AgentStatusResponse from(AgentStatus status) {
        return new AgentStatusResponse(status.online(), status.busy(), WireNames.of(status.mode()),
                status.modeExpiresAt().map(Timestamps::format).orElse(null),
                status.lastHeartbeatAt().map(Timestamps::format).orElse(null), status.reliable());
    }
}
