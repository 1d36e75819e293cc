package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.domain.request.RequestAnswer;

/** An agent's report on a vault password verification: {@code {"verified": true}}. */
public final class VerificationAnswerRequest {

    private VerificationAnswerRequest() {
    }

    public static RequestAnswer.PasswordVerification from(JsonBody body) {
        return new RequestAnswer.PasswordVerification(body.optionalBoolean("verified")
                .orElseThrow(() -> new BadRequestException("verified is required")));
    }
}
