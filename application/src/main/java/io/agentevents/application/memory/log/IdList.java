package io.agentevents.application.memory.log;

import java.util.Arrays;

/**
 * A growing list of ascending ids that loses its oldest ones as the log is purged: an index of
 * the log (an agent's feed events, a project's activations) held as plain longs, so keeping
 * millions of them gives the garbage collector nothing to trace.
 */
final class IdList extends ChunkedStore<long[]> implements SortedIds {

    void add(long id) {
        int index = addLast();
        chunkOf(index)[offsetOf(index)] = id;
    }

    @Override
    public long idAt(int index) {
        return chunkOf(index)[offsetOf(index)];
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Drops the ids up to and including {@code lastPurged}. */
    void removeThrough(long lastPurged) {
        removeFirst(SortedIds.firstIndexAfter(this, lastPurged));
    }

    @Override
    long[] newChunk(int capacity) {
        return new long[capacity];
    }

    @Override
    long[] grown(long[] chunk, int capacity) {
        return Arrays.copyOf(chunk, capacity);
    }
}
