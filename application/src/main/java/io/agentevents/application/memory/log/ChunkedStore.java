package io.agentevents.application.memory.log;

import java.util.ArrayList;

/**
 * Entries held in chunks of {@link #CHUNK_SIZE}, the oldest leaving from the front as the log is
 * purged and new ones added at the back. Only the last chunk grows (doubling, from a few
 * entries), so adding never copies more than one chunk: a single growing array copied the whole
 * log, tens of megabytes on the event loop under the project's lock, once it held millions of
 * events. Whole chunks are let go once purged. Not thread-safe: its project's log guards it.
 *
 * @param <C> a chunk: whatever holds the entries' columns
 */
abstract class ChunkedStore<C> {

    static final int CHUNK_SHIFT = 10;
    static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CAPACITY = 8;

    private final ArrayList<C> chunks = new ArrayList<>();
    /** Positions from the first chunk's first entry: the live entries are {@code [start, end)}. */
    private int start;
    private int end;
    private int lastChunkCapacity;

    /** A chunk with room for {@code capacity} entries. */
    abstract C newChunk(int capacity);

    /** A chunk with room for {@code capacity} entries, holding {@code chunk}'s. */
    abstract C grown(C chunk, int capacity);

    /** How many entries are held. */
    public int size() {
        return end - start;
    }

    /** The chunk holding the entry at {@code index} (0: the oldest live one). */
    final C chunkOf(int index) {
        return chunks.get((start + index) >>> CHUNK_SHIFT);
    }

    /** Where in its chunk the entry at {@code index} is. */
    final int offsetOf(int index) {
        return (start + index) & CHUNK_MASK;
    }

    /** Makes room for one more entry at the back and returns its index, for the caller to fill. */
    final int addLast() {
        int offset = end & CHUNK_MASK;
        if (end >>> CHUNK_SHIFT == chunks.size()) {
            chunks.add(newChunk(FIRST_CAPACITY));
            lastChunkCapacity = FIRST_CAPACITY;
        } else if (offset == lastChunkCapacity) {
            int last = chunks.size() - 1;
            lastChunkCapacity = Math.min(CHUNK_SIZE, lastChunkCapacity * 2);
            chunks.set(last, grown(chunks.get(last), lastChunkCapacity));
        }
        end++;
        return size() - 1;
    }

    /** Drops the {@code count} oldest entries, and the chunks they leave empty. */
    final void removeFirst(int count) {
        start += count;
        while (start >= CHUNK_SIZE) {
            chunks.remove(0);
            start -= CHUNK_SIZE;
            end -= CHUNK_SIZE;
        }
    }

    /** How many entries the chunks have room for now. */
    final int capacity() {
        return chunks.isEmpty() ? 0 : (chunks.size() - 1) * CHUNK_SIZE + lastChunkCapacity;
    }
}
