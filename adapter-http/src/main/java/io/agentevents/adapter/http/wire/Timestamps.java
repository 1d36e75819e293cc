package io.agentevents.adapter.http.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The wire formats of instants: ISO-8601 UTC with exactly six fraction digits, ending in
 * {@code Z} ({@code 2014-10-09T12:26:14.233501Z}), as the reference writes event times, or in
 * {@code +00:00} ({@code 2014-10-27T18:22:00.238640+00:00}), as it writes an agent's
 * {@code registered_time}.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code Instant.toString()} drops trailing zeros; this never does. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The same instant with the offset written out. */
    public static String formatWithOffset(Instant instant) {
        return WITH_OFFSET.format(instant);
    }
}
