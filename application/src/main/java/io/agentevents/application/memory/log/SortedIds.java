package io.agentevents.application.memory.log;

/** Event ids in ascending order, read by position: a source of a page. */
interface SortedIds {

    int size();

    long idAt(int index);

    /** The position of the first id above {@code marker} (the size if none): a binary search. */
    static int firstIndexAfter(SortedIds ids, long marker) {
        int low = 0;
        int high = ids.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ids.idAt(middle) <= marker) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
