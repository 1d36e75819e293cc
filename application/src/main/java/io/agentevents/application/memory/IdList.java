package io.agentevents.application.memory;

/**
 * A growing list of ascending ids that loses its oldest ones as the log is purged: an index of
 * the log (an agent's feed events, a project's activations) held as plain longs, so keeping
 * millions of them gives the garbage collector nothing to trace or copy.
 */
final class IdList implements SortedIds {

    private long[] ids = new long[Columns.FIRST_CAPACITY];
    private int start;
    private int end;

    void add(long id) {
        if (end == ids.length) {
            resize(Columns.capacityWhenFull(ids.length, size()));
        }
        ids[end++] = id;
    }

    @Override
    public int size() {
        return end - start;
    }

    @Override
    public long idAt(int index) {
        return ids[start + index];
    }

    boolean isEmpty() {
        return start == end;
    }

    /** Drops the ids up to and including {@code lastPurged}. */
    void removeThrough(long lastPurged) {
        start += SortedIds.firstIndexAfter(this, lastPurged);
        if (Columns.isMostlyEmpty(ids.length, size())) {
            resize(Columns.capacityFor(size()));
        }
    }

    private void resize(int capacity) {
        int live = size();
        ids = Columns.moved(ids, start, live, capacity);
        start = 0;
        end = live;
    }
}
