package io.agentevents.adapter.http.dto.agentrequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.logfile.UpdateLogfileCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.LogfileState;

/**
 * The body of <i>Update a log file</i>: a JSON Patch of one operation, {@code replace} of
 * {@code /state} with {@code started} or {@code completed}, as the reference allows and nothing else.
 */
public record LogfilePatchRequest(LogfileState state) {

    public static LogfilePatchRequest from(JsonNode patch) {
        var operations = JsonBody.elementsOf(patch, "");
        if (operations.size() != 1) {
            throw new BadRequestException("the patch must hold exactly one operation: a replace of /state");
        }
        JsonBody operation = operations.get(0);
        String op = operation.requiredText("op");
        if (!op.equals("replace")) {
            throw new BadRequestException(operation.name() + ".op must be replace; got '" + WireNames.clip(op) + "'");
        }
        String path = operation.requiredText("path");
        if (!path.equals("/state")) {
            throw new BadRequestException(operation.name() + ".path must be /state, the only path of a log file that "
                    + "changes; got '" + WireNames.clip(path) + "'");
        }
        String value = operation.optionalText("value")
                .orElseThrow(() -> new BadRequestException(operation.name() + ".value is required, as a string"));
        return new LogfilePatchRequest(WireNames.logfileStep(value, operation.name() + ".value"));
    }

    public UpdateLogfileCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId logfile) {
        return new UpdateLogfileCommand(caller, project, agent, logfile, state);
    }
}
