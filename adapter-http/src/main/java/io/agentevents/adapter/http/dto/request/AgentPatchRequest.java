package io.agentevents.adapter.http.dto.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.agent.UpdateAgentCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.SettingChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of <i>Update an agent</i>: a JSON Patch whose operations are {@code replace} or
 * {@code add} (the reference takes them as one) of {@code /enabled}, {@code /log_level} or
 * {@code /vault/use_internal}. Anything else is refused, naming the operation.
 */
public record AgentPatchRequest(List<SettingChange> changes) {

    public static AgentPatchRequest from(JsonNode patch) {
        List<JsonBody> operations = JsonBody.elementsOf(patch, "");
        if (operations.isEmpty()) {
            throw new BadRequestException("the patch must hold at least one operation");
        }
        List<SettingChange> changes = new ArrayList<>(operations.size());
        for (JsonBody operation : operations) {
            changes.add(changeOf(operation));
        }
        return new AgentPatchRequest(changes);
    }

    private static SettingChange changeOf(JsonBody operation) {
        String op = operation.requiredText("op");
        String path = operation.requiredText("path");
        if (!op.equals("replace") && !op.equals("add")) {
            throw new BadRequestException(operation.name() + ".op must be replace or add; got '" + WireNames.clip(op) + "'");
        }
        JsonNode value = operation.value("value").orElseThrow(
                () -> new BadRequestException(operation.name() + ".value is required"));
        return switch (path) {
            case "/enabled" -> new SettingChange.SetEnabled(bool(value, operation, path));
            case "/log_level", "/log-level" -> {
                if (!value.isTextual()) {
                    throw new BadRequestException(operation.name() + ".value for " + path + " must be a string");
                }
                yield new SettingChange.SetLogLevel(WireNames.logLevel(value.textValue(), operation.name() + ".value"));
            }
            case "/vault/use_internal" -> new SettingChange.SetVaultUsesInternal(bool(value, operation, path));
            default -> throw new BadRequestException(operation.name() + ".path '" + WireNames.clip(path)
                    + "' cannot be changed here; the paths are /enabled, /log_level and /vault/use_internal");
        };
    }

    private static boolean bool(JsonNode value, JsonBody operation, String path) {
        if (!value.isBoolean()) {
            throw new BadRequestException(operation.name() + ".value for " + path + " must be true or false");
        }
        return value.booleanValue();
    }

    public UpdateAgentCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {
        return new UpdateAgentCommand(caller, project, agent, changes, requestId);
    }
}
