package io.agentevents.application.memory;

import java.lang.reflect.Array;

/**
 * How the in-memory log's arrays are sized. Each holds its live entries in {@code [start, end)}:
 * the oldest leave from the front as they are purged, new ones are added at the back. When the
 * back is reached, the live entries move to the front, into a larger array only if they fill
 * more than half of it; an array left mostly empty by a purge is given back.
 */
final class Columns {

    static final int FIRST_CAPACITY = 8;

    private Columns() {
    }

    /** The capacity to move {@code live} entries into when an array of {@code capacity} is full at the back. */
    static int capacityWhenFull(int capacity, int live) {
        return live <= capacity / 2 ? capacity : Math.max(FIRST_CAPACITY, capacity + (capacity >> 1));
    }

    /** Whether a purge left so few entries that the array should shrink to {@link #capacityFor}. */
    static boolean isMostlyEmpty(int capacity, int live) {
        return capacity > 64 && live < capacity / 4;
    }

    static int capacityFor(int live) {
        return Math.max(FIRST_CAPACITY, live * 2);
    }

    /**
     * The {@code live} entries from {@code start} moved to the front of an array of
     * {@code capacity}: the same array when it has that capacity, else a new one.
     */
    @SuppressWarnings("unchecked")
    static <A> A moved(A column, int start, int live, int capacity) {
        A target = Array.getLength(column) == capacity ? column
                : (A) Array.newInstance(column.getClass().getComponentType(), capacity);
        System.arraycopy(column, start, target, 0, live);
        return target;
    }
}
