package io.agentevents.adapter.http.dto.request;

import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.domain.OperatingSystem;

/** {@code {"name":"Ubuntu","version":"14.04","architecture":"64-bit"}}. */
public record OperatingSystemRequest(String name, String version, String architecture) {

    public static OperatingSystemRequest from(JsonBody body) {
        return new OperatingSystemRequest(body.requiredText("name"), body.requiredText("version"),
                body.requiredText("architecture"));
    }

    /** @throws IllegalArgumentException naming the field that is not a valid text field */
    public OperatingSystem toOperatingSystem() {
        return new OperatingSystem(name, version, architecture);
    }
}
