package io.agentevents.adapter.http.support;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The long-polls waiting on this node: at most {@code maxPerClient} per token, so one client
 * cannot hold the node's waiters, and all of them answered at once when the node stops.
 */
public final class WaitingPolls {

    /** An agent needs one; a few more cover a reconnect while the old poll has not yet noticed. */
    public static final int DEFAULT_MAX_PER_TOKEN = 4;

    private final int maxPerClient;
    private final Map<ClientKey, Integer> perClient = new ConcurrentHashMap<>();
    private final Set<Seat> seats = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public WaitingPolls(int maxPerClient) {
        if (maxPerClient < 1) {
            throw new IllegalArgumentException("maxPerClient must be at least 1");
        }
        this.maxPerClient = maxPerClient;
    }

    /** One waiting poll's place; {@link #leave()} once it has answered. */
    public final class Seat {

        private final ClientKey client;
        private volatile Runnable answerNow;
        private boolean left;

        private Seat(ClientKey client) {
            this.client = client;
        }

        /** How to end the poll at once with what it has; run now if the node is already stopping. */
        public void answerNowBy(Runnable answer) {
            answerNow = answer;
            if (stopping) {
                answer.run();
            }
        }

        private void answerNow() {
            Runnable answer = answerNow;
            if (answer != null) {
                answer.run();
            }
        }

        public synchronized void leave() {
            if (!left) {
                left = true;
                seats.remove(this);
                perClient.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
            }
        }
    }

    /** @return its seat; empty if the client already has its share of waiting polls */
    public Optional<Seat> enter(ClientKey client) {
        int[] after = new int[1];
        perClient.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            after[0] = current < maxPerClient ? current + 1 : -1;
            return current < maxPerClient ? current + 1 : current;
        });
        if (after[0] < 0) {
            return Optional.empty();
        }
        Seat seat = new Seat(client);
        seats.add(seat);
        return Optional.of(seat);
    }

    /** How many polls wait now (a metric). */
    public int waiting() {
        return seats.size();
    }

    /** The node is stopping: every waiting poll answers now, and new ones answer without waiting. */
    public void answerAllNow() {
        stopping = true;
        seats.forEach(Seat::answerNow);
    }

    public int maxPerToken() {
        return maxPerClient;
    }
}
