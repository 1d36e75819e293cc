package io.agentevents.application.memory;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentDeleted;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * One project's events in id order, held column by column in arrays of primitives; an event is
 * made into objects again only when it is read. A log holds every event of its retention window,
 * so its events live long: kept as objects (nine of them, about 200 bytes an event), each was
 * copied from one young collection to the next until promoted, a tenth of an activation's CPU
 * time under load, and the young collections' pauses grew with the log. In columns an event
 * costs about 70 bytes and the collector nothing. Events without a column layout (registrations)
 * keep their object.
 *
 * <p>Ids are given here, one after the other, so an event's position follows from its id. Not
 * thread-safe: its project's log guards it.
 */
final class EventColumns implements SortedIds {

    private static final byte KEPT_AS_OBJECT = 0;
    private static final byte PROJECT_ACTIVATION = 1;
    private static final byte AGENT_ACTIVATION = 2;
    private static final byte HEARTBEAT = 3;
    private static final byte STARTED_UP = 4;
    private static final byte SHUT_DOWN = 5;
    private static final byte DELETED = 6;

    /** In {@link #details}: an activation's mode is the low bits, this bit says it expires. */
    private static final int EXPIRES = 0x10;
    private static final int MODE_BITS = 0x0f;
    private static final Mode[] MODES = Mode.values();

    private long lastId;
    private int start;
    private int end;

    private byte[] kinds = new byte[Columns.FIRST_CAPACITY];
    /** The mode and whether it expires (activations), whether busy (heartbeats). */
    private byte[] details = new byte[Columns.FIRST_CAPACITY];
    private long[] atSeconds = new long[Columns.FIRST_CAPACITY];
    private int[] atNanos = new int[Columns.FIRST_CAPACITY];
    private long[] requestHigh = new long[Columns.FIRST_CAPACITY];
    private long[] requestLow = new long[Columns.FIRST_CAPACITY];
    private long[] agentHigh = new long[Columns.FIRST_CAPACITY];
    private long[] agentLow = new long[Columns.FIRST_CAPACITY];
    private long[] expirySeconds = new long[Columns.FIRST_CAPACITY];
    private int[] expiryNanos = new int[Columns.FIRST_CAPACITY];
    private AgentEvent[] keptAsObjects = new AgentEvent[Columns.FIRST_CAPACITY];

    /** Stores the event under the next id, which it returns. */
    long append(AgentEvent event, RequestId requestId) {
        if (end == kinds.length) {
            resize(Columns.capacityWhenFull(kinds.length, size()));
        }
        int at = end;
        setInstant(atSeconds, atNanos, at, event.at());
        setUuid(requestHigh, requestLow, at, requestId.value());
        kinds[at] = encode(event, requestId, at);
        end++;
        return ++lastId;
    }

    /**
     * Fills the event's own columns and says which kind it is. An activation is read back with
     * its event's request id, so one under another id (the log's callers never append one) keeps
     * its object.
     */
    private byte encode(AgentEvent event, RequestId requestId, int at) {
        details[at] = 0;
        if (event instanceof AgentActivated activated && activated.activation().requestId().equals(requestId)) {
            Activation activation = activated.activation();
            int detail = activation.mode().ordinal();
            if (activation.expiresAt().isPresent()) {
                setInstant(expirySeconds, expiryNanos, at, activation.expiresAt().get());
                detail |= EXPIRES;
            }
            details[at] = (byte) detail;
            if (activation.scope() instanceof SingleAgent single) {
                setUuid(agentHigh, agentLow, at, single.agent().value());
                return AGENT_ACTIVATION;
            }
            return PROJECT_ACTIVATION;
        }
        if (event instanceof HeartbeatRecorded heartbeat) {
            details[at] = (byte) (heartbeat.busy() ? 1 : 0);
            return withAgent(heartbeat.agentId(), at, HEARTBEAT);
        }
        if (event instanceof AgentStartedUp startedUp) {
            return withAgent(startedUp.agentId(), at, STARTED_UP);
        }
        if (event instanceof AgentShutDown shutDown) {
            return withAgent(shutDown.agentId(), at, SHUT_DOWN);
        }
        if (event instanceof AgentDeleted deleted) {
            return withAgent(deleted.agentId(), at, DELETED);
        }
        keptAsObjects[at] = event;
        return KEPT_AS_OBJECT;
    }

    private byte withAgent(AgentId agent, int at, byte kind) {
        setUuid(agentHigh, agentLow, at, agent.value());
        return kind;
    }

    /** The stored event with this id, which must be one of {@link #idAt}'s. */
    StoredEvent event(long id) {
        int at = start + (int) (id - firstId());
        RequestId requestId = new RequestId(new UUID(requestHigh[at], requestLow[at]));
        return new StoredEvent(new EventId(id), decode(at, requestId), requestId);
    }

    private AgentEvent decode(int at, RequestId requestId) {
        Instant when = Instant.ofEpochSecond(atSeconds[at], atNanos[at]);
        return switch (kinds[at]) {
            case PROJECT_ACTIVATION -> activation(at, ActivationScope.wholeProject(), when, requestId);
            case AGENT_ACTIVATION -> activation(at, new SingleAgent(agent(at)), when, requestId);
            case HEARTBEAT -> new HeartbeatRecorded(agent(at), details[at] == 1, when);
            case STARTED_UP -> new AgentStartedUp(agent(at), when);
            case SHUT_DOWN -> new AgentShutDown(agent(at), when);
            case DELETED -> new AgentDeleted(agent(at), when);
            default -> keptAsObjects[at];
        };
    }

    private AgentActivated activation(int at, ActivationScope scope, Instant when, RequestId requestId) {
        Optional<Instant> expiresAt = (details[at] & EXPIRES) == 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(expirySeconds[at], expiryNanos[at]));
        return new AgentActivated(new Activation(scope, MODES[details[at] & MODE_BITS], when, expiresAt, requestId));
    }

    private AgentId agent(int at) {
        return new AgentId(new UUID(agentHigh[at], agentLow[at]));
    }

    @Override
    public int size() {
        return end - start;
    }

    /** Ids are consecutive: the log only ever loses its oldest events. */
    @Override
    public long idAt(int index) {
        return firstId() + index;
    }

    private long firstId() {
        return lastId - size() + 1;
    }

    /**
     * Drops the events from before {@code cutoff}; they arrive in time order, so they are the
     * oldest. Returns how many were dropped and leaves the id counter as it was.
     */
    int purgeBefore(Instant cutoff) {
        long cutoffSeconds = cutoff.getEpochSecond();
        int cutoffNanos = cutoff.getNano();
        int purgedEnd = start;
        while (purgedEnd < end && (atSeconds[purgedEnd] < cutoffSeconds
                || atSeconds[purgedEnd] == cutoffSeconds && atNanos[purgedEnd] < cutoffNanos)) {
            purgedEnd++;
        }
        int purged = purgedEnd - start;
        Arrays.fill(keptAsObjects, start, purgedEnd, null);
        start = purgedEnd;
        if (Columns.isMostlyEmpty(kinds.length, size())) {
            resize(Columns.capacityFor(size()));
        }
        return purged;
    }

    /** How many events the columns have room for now. */
    int capacity() {
        return kinds.length;
    }

    /** The id of the newest event purged so far or still held; 0 before the first. */
    long lastId() {
        return lastId;
    }

    private void resize(int capacity) {
        int live = size();
        kinds = Columns.moved(kinds, start, live, capacity);
        details = Columns.moved(details, start, live, capacity);
        atSeconds = Columns.moved(atSeconds, start, live, capacity);
        atNanos = Columns.moved(atNanos, start, live, capacity);
        requestHigh = Columns.moved(requestHigh, start, live, capacity);
        requestLow = Columns.moved(requestLow, start, live, capacity);
        agentHigh = Columns.moved(agentHigh, start, live, capacity);
        agentLow = Columns.moved(agentLow, start, live, capacity);
        expirySeconds = Columns.moved(expirySeconds, start, live, capacity);
        expiryNanos = Columns.moved(expiryNanos, start, live, capacity);
        keptAsObjects = Columns.moved(keptAsObjects, start, live, capacity);
        Arrays.fill(keptAsObjects, live, keptAsObjects.length, null); // moved in place: the old places let go
        start = 0;
        end = live;
    }

    private static void setInstant(long[] seconds, int[] nanos, int at, Instant instant) {
        seconds[at] = instant.getEpochSecond();
        nanos[at] = instant.getNano();
    }

    private static void setUuid(long[] high, long[] low, int at, UUID uuid) {
        high[at] = uuid.getMostSignificantBits();
        low[at] = uuid.getLeastSignificantBits();
    }
}
