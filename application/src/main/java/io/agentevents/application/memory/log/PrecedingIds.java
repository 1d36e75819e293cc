package io.agentevents.application.memory.log;

import io.agentevents.domain.event.EventId;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * The ids before a page, newest first, as {@code EventPage.of} takes them: up to {@code count} of
 * them, each worked out when asked for. A page asks for one at most (the marker of its previous
 * link), so polling a long feed costs two binary searches, not a walk back over a page of events.
 */
final class PrecedingIds extends AbstractList<EventId> {

    private final List<SortedIds> sources;
    private final int[] newest;
    private final int size;

    /**
     * @param sources one or two lists of ids, each ascending, no id in both
     * @param newest  per source, the index of its newest id before the page (-1: none)
     */
    PrecedingIds(List<SortedIds> sources, int[] newest, int count) {
        if (sources.size() > 2) {
            throw new IllegalArgumentException("a page merges at most two sources");
        }
        this.sources = sources;
        this.newest = newest.clone();
        long available = 0;
        for (int index : newest) {
            available += index + 1;
        }
        this.size = (int) Math.min(available, count);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventId get(int index) {
        Objects.checkIndex(index, size);
        if (sources.size() == 1) {
            return new EventId(sources.get(0).idAt(newest[0] - index));
        }
        return new EventId(newestBut(index, sources.get(0), newest[0], sources.get(1), newest[1]));
    }

    /**
     * The id with {@code skipped} larger ones before it among {@code a[0..lastA]} and
     * {@code b[0..lastB]}: the page's {@code skipped + 1} newest predecessors take some from
     * the top of each list, and the split is found by binary search on how many come from a.
     */
    private static long newestBut(int skipped, SortedIds a, int lastA, SortedIds b, int lastB) {
        int taken = skipped + 1;
        int low = Math.max(0, taken - (lastB + 1));
        int high = Math.min(taken, lastA + 1);
        while (low <= high) {
            int fromA = (low + high) >>> 1;
            int fromB = taken - fromA;
            if (fromA <= lastA && fromB > 0 && a.idAt(lastA - fromA) > b.idAt(lastB - fromB + 1)) {
                low = fromA + 1; // a's newest left out is newer than b's oldest taken: take more from a
            } else if (fromB <= lastB && fromA > 0 && b.idAt(lastB - fromB) > a.idAt(lastA - fromA + 1)) {
                high = fromA - 1; // and the other way round
            } else if (fromA == 0) {
                return b.idAt(lastB - fromB + 1);
            } else if (fromB == 0 || a.idAt(lastA - fromA + 1) < b.idAt(lastB - fromB + 1)) {
                return a.idAt(lastA - fromA + 1);
            } else {
                return b.idAt(lastB - fromB + 1);
            }
        }
        throw new IllegalStateException("the sources are not in ascending id order");
    }
}
