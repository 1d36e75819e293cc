package io.agentevents.adapter.http.dto;

public record LinkResponse(String rel, String href) {
}
