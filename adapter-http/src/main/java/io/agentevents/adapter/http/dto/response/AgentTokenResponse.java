package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.application.port.in.access.AgentToken;

/** {@code {"token":{"id":…,"expires":…}}}. */
public record AgentTokenResponse(Token token) {

    public record Token(String id, String expires) {
    }

    public static AgentTokenResponse from(AgentToken token) {
        return new AgentTokenResponse(new Token(token.token().value(), Timestamps.format(token.expiresAt())));
    }
}
