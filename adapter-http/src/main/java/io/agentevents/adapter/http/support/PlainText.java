package io.agentevents.adapter.http.support;

/** A body that is not JSON (the Prometheus metrics text), written as it is with its own type. */
public record PlainText(String text, String contentType) {
}
