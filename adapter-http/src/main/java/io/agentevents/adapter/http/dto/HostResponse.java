package io.agentevents.adapter.http.dto;

/** The host of an agent as shown to clients; the fingerprint stays private. */
public record HostResponse(String name, String os) {
}
