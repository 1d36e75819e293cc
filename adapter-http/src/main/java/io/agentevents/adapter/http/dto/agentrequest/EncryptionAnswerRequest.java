package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.domain.request.RequestAnswer;

/** An agent's report on a vault encryption: {@code {"action": "enabled"|"changed", "succeeded": true}}. */
public final class EncryptionAnswerRequest {

    private EncryptionAnswerRequest() {
    }

    public static RequestAnswer.EncryptionReport from(JsonBody body) {
        String action = body.requiredText("action");
        boolean succeeded = body.optionalBoolean("succeeded")
                .orElseThrow(() -> new BadRequestException("succeeded is required"));
        return new RequestAnswer.EncryptionReport(WireNames.encryptionAction(action, "action"), succeeded);
    }
}
