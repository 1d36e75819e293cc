package io.agentevents.adapter.http.dto.response;

import io.agentevents.domain.OperatingSystem;

/** {@code {"name":"Ubuntu","version":"14.04","architecture":"64-bit"}}. */
public record OperatingSystemResponse(String name, String version, String architecture) {

    public static OperatingSystemResponse from(OperatingSystem os) {
        return new OperatingSystemResponse(os.name(), os.version(), os.architecture());
    }
}
