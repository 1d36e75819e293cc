package io.agentevents.adapter.http.support;

/** A body that is JSON text already (a replayed answer), written as it is. */
public record RawJson(String text) {
}
