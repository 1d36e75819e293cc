package io.agentevents.domain.event;

/**
 * The position of an event in its project's log, and the marker a reader passes to get what
 * came after it. Ids only grow within a project.
 *
 * @param value a positive 64-bit number
 */
public record EventId(long value) implements Comparable<EventId> {

    /** @throws IllegalArgumentException if {@code value} is not positive */
    public EventId {
        if (value <= 0) {
            throw new IllegalArgumentException("event id must be a positive number, was " + value);
        }
    }

    /**
     * Reads the decimal form used on the wire ({@code "5650135583"}).
     *
     * @throws IllegalArgumentException if {@code text} is not a positive decimal number that fits in 64 bits
     */
    public static EventId parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("marker must be an event id: a positive decimal number");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            value = 0;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("marker must be an event id: a positive decimal number");
        }
        return new EventId(value);
    }

    @Override
    public int compareTo(EventId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
