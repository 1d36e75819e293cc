package io.agentevents.adapter.http.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one wire format of instants: ISO-8601 UTC with exactly six fraction digits. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code Instant.toString()} drops trailing zeros; this never does. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
