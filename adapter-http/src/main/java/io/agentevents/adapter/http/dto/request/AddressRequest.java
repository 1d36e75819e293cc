package io.agentevents.adapter.http.dto.request;

import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.domain.agent.IpAddress;
import java.util.List;

/** {@code {"version":4,"addr":"67.23.10.132"}}; the version may also come as a string. */
public record AddressRequest(int version, String addr) {

    public static AddressRequest from(JsonBody body) {
        return new AddressRequest(body.requiredInt("version"), body.requiredText("addr"));
    }

    public static List<AddressRequest> listFrom(List<JsonBody> bodies) {
        return bodies.stream().map(AddressRequest::from).toList();
    }

    /** @throws IllegalArgumentException if the version is not 4 or 6, or the address not of it */
    public IpAddress toAddress() {
        return new IpAddress(version, addr);
    }
}
