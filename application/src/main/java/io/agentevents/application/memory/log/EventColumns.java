package io.agentevents.application.memory.log;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.event.AgentDeleted;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.session.AgentWentOffline;
import io.agentevents.domain.event.ConfigurationChanged;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * One project's events in id order, held column by column in arrays of primitives (chunks of
 * {@link ChunkedStore}); an event is made into objects again only when it is read. A log holds
 * every event of its retention window, so its events live long: kept as objects (nine of them,
 * about 200 bytes an event), each was copied from one young collection to the next until
 * promoted, a tenth of an activation's CPU time under load, and the young collections' pauses
 * grew with the log. In columns an event costs about 62 bytes and the collector only the copy of
 * a few large arrays. Events without a column layout (registrations) keep their object.
 *
 * <p>Ids are given here, one after the other, so an event's position follows from its id. Not
 * thread-safe: its project's log guards it.
 */
final class EventColumns extends ChunkedStore<EventColumns.Chunk> implements SortedIds {

    private static final byte KEPT_AS_OBJECT = 0;
    private static final byte PROJECT_ACTIVATION = 1;
    private static final byte AGENT_ACTIVATION = 2;
    private static final byte HEARTBEAT = 3;
    private static final byte STARTED_UP = 4;
    private static final byte SHUT_DOWN = 5;
    private static final byte DELETED = 6;
    private static final byte CONFIGURATION_CHANGED = 7;
    private static final byte CAME_ONLINE = 8;
    private static final byte WENT_OFFLINE = 9;

    /** In {@link Chunk#details}: an activation's mode is the low bits, this bit says it expires. */
    private static final int EXPIRES = 0x10;
    private static final int MODE_BITS = 0x0f;
    private static final Mode[] MODES = Mode.values();

    private long lastId;

    /** @param firstId the id of the first event it will hold */
    EventColumns(long firstId) {
        this.lastId = firstId - 1;
    }

    /** Up to {@link #CHUNK_SIZE} events, a column each. */
    static final class Chunk {

        final byte[] kinds;
        /** The mode and whether it expires (activations), whether busy (heartbeats). */
        final byte[] details;
        final long[] atSeconds;
        final int[] atNanos;
        final long[] requestHigh;
        final long[] requestLow;
        final long[] agentHigh;
        final long[] agentLow;
        final long[] expirySeconds;
        final int[] expiryNanos;
        /**
         * Made only for a chunk that holds such an event: an array of references is traced by
         * every marking cycle of the collector, even when all of it is null.
         */
        AgentEvent[] keptAsObjects;

        Chunk(int capacity) {
            this(new byte[capacity], new byte[capacity], new long[capacity], new int[capacity], new long[capacity],
                    new long[capacity], new long[capacity], new long[capacity], new long[capacity], new int[capacity],
                    null);
        }

        private Chunk(byte[] kinds, byte[] details, long[] atSeconds, int[] atNanos, long[] requestHigh,
                      long[] requestLow, long[] agentHigh, long[] agentLow, long[] expirySeconds, int[] expiryNanos,
                      AgentEvent[] keptAsObjects) {
            this.kinds = kinds;
            this.details = details;
            this.atSeconds = atSeconds;
            this.atNanos = atNanos;
            this.requestHigh = requestHigh;
            this.requestLow = requestLow;
            this.agentHigh = agentHigh;
            this.agentLow = agentLow;
            this.expirySeconds = expirySeconds;
            this.expiryNanos = expiryNanos;
            this.keptAsObjects = keptAsObjects;
        }

        Chunk grown(int capacity) {
            return new Chunk(Arrays.copyOf(kinds, capacity), Arrays.copyOf(details, capacity),
                    Arrays.copyOf(atSeconds, capacity), Arrays.copyOf(atNanos, capacity),
                    Arrays.copyOf(requestHigh, capacity), Arrays.copyOf(requestLow, capacity),
                    Arrays.copyOf(agentHigh, capacity), Arrays.copyOf(agentLow, capacity),
                    Arrays.copyOf(expirySeconds, capacity), Arrays.copyOf(expiryNanos, capacity),
                    keptAsObjects == null ? null : Arrays.copyOf(keptAsObjects, capacity));
        }
    }

    @Override
    Chunk newChunk(int capacity) {
        return new Chunk(capacity);
    }

    @Override
    Chunk grown(Chunk chunk, int capacity) {
        return chunk.grown(capacity);
    }

    /** Stores the event under the next id, which it returns. */
    long append(AgentEvent event, RequestId requestId) {
        int index = addLast();
        Chunk chunk = chunkOf(index);
        int at = offsetOf(index);
        chunk.atSeconds[at] = event.at().getEpochSecond();
        chunk.atNanos[at] = event.at().getNano();
        chunk.requestHigh[at] = requestId.value().getMostSignificantBits();
        chunk.requestLow[at] = requestId.value().getLeastSignificantBits();
        chunk.kinds[at] = encode(event, requestId, chunk, at);
        return ++lastId;
    }

    /**
     * Fills the event's own columns and says which kind it is. An activation is read back with
     * its event's request id, so one under another id (the log's callers never append one) keeps
     * its object.
     */
    private static byte encode(AgentEvent event, RequestId requestId, Chunk chunk, int at) {
        chunk.details[at] = 0;
        if (event instanceof AgentActivated activated && activated.activation().requestId().equals(requestId)) {
            Activation activation = activated.activation();
            int detail = activation.mode().ordinal();
            if (activation.expiresAt().isPresent()) {
                chunk.expirySeconds[at] = activation.expiresAt().get().getEpochSecond();
                chunk.expiryNanos[at] = activation.expiresAt().get().getNano();
                detail |= EXPIRES;
            }
            chunk.details[at] = (byte) detail;
            if (activation.scope() instanceof SingleAgent single) {
                return withAgent(single.agent(), chunk, at, AGENT_ACTIVATION);
            }
            return PROJECT_ACTIVATION;
        }
        if (event instanceof HeartbeatRecorded heartbeat) {
            chunk.details[at] = (byte) (heartbeat.busy() ? 1 : 0);
            return withAgent(heartbeat.agentId(), chunk, at, HEARTBEAT);
        }
        if (event instanceof AgentStartedUp startedUp) {
            return withAgent(startedUp.agentId(), chunk, at, STARTED_UP);
        }
        if (event instanceof AgentShutDown shutDown) {
            return withAgent(shutDown.agentId(), chunk, at, SHUT_DOWN);
        }
        if (event instanceof AgentDeleted deleted) {
            return withAgent(deleted.agentId(), chunk, at, DELETED);
        }
        if (event instanceof ConfigurationChanged changed) {
            return withAgent(changed.agentId(), chunk, at, CONFIGURATION_CHANGED);
        }
        if (event instanceof AgentCameOnline online) {
            return withAgent(online.agentId(), chunk, at, CAME_ONLINE);
        }
        if (event instanceof AgentWentOffline offline) {
            return withAgent(offline.agentId(), chunk, at, WENT_OFFLINE);
        }
        if (chunk.keptAsObjects == null) {
            chunk.keptAsObjects = new AgentEvent[chunk.kinds.length];
        }
        chunk.keptAsObjects[at] = event;
        return KEPT_AS_OBJECT;
    }

    private static byte withAgent(AgentId agent, Chunk chunk, int at, byte kind) {
        chunk.agentHigh[at] = agent.value().getMostSignificantBits();
        chunk.agentLow[at] = agent.value().getLeastSignificantBits();
        return kind;
    }

    /** The stored event with this id, which must be one of {@link #idAt}'s. */
    StoredEvent event(long id) {
        int index = (int) (id - firstId());
        Chunk chunk = chunkOf(index);
        int at = offsetOf(index);
        RequestId requestId = new RequestId(new UUID(chunk.requestHigh[at], chunk.requestLow[at]));
        return new StoredEvent(new EventId(id), decode(chunk, at, requestId), requestId);
    }

    private static AgentEvent decode(Chunk chunk, int at, RequestId requestId) {
        Instant when = Instant.ofEpochSecond(chunk.atSeconds[at], chunk.atNanos[at]);
        return switch (chunk.kinds[at]) {
            case PROJECT_ACTIVATION -> activation(chunk, at, ActivationScope.wholeProject(), when, requestId);
            case AGENT_ACTIVATION -> activation(chunk, at, new SingleAgent(agent(chunk, at)), when, requestId);
            case HEARTBEAT -> new HeartbeatRecorded(agent(chunk, at), chunk.details[at] == 1, when);
            case STARTED_UP -> new AgentStartedUp(agent(chunk, at), when);
            case SHUT_DOWN -> new AgentShutDown(agent(chunk, at), when);
            case DELETED -> new AgentDeleted(agent(chunk, at), when);
            case CONFIGURATION_CHANGED -> new ConfigurationChanged(agent(chunk, at), when);
            case CAME_ONLINE -> new AgentCameOnline(agent(chunk, at), when);
            case WENT_OFFLINE -> new AgentWentOffline(agent(chunk, at), when);
            default -> chunk.keptAsObjects[at];
        };
    }

    private static AgentActivated activation(Chunk chunk, int at, ActivationScope scope, Instant when,
                                             RequestId requestId) {
        Optional<Instant> expiresAt = (chunk.details[at] & EXPIRES) == 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(chunk.expirySeconds[at], chunk.expiryNanos[at]));
        Mode mode = MODES[chunk.details[at] & MODE_BITS];
        return new AgentActivated(new Activation(scope, mode, when, expiresAt, requestId));
    }

    private static AgentId agent(Chunk chunk, int at) {
        return new AgentId(new UUID(chunk.agentHigh[at], chunk.agentLow[at]));
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
        int purged = 0;
        while (purged < size() && isBefore(purged, cutoff)) {
            AgentEvent[] objects = chunkOf(purged).keptAsObjects;
            if (objects != null) {
                objects[offsetOf(purged)] = null; // its chunk may stay a while
            }
            purged++;
        }
        removeFirst(purged);
        return purged;
    }

    private boolean isBefore(int index, Instant cutoff) {
        Chunk chunk = chunkOf(index);
        int at = offsetOf(index);
        long seconds = chunk.atSeconds[at];
        return seconds < cutoff.getEpochSecond() || seconds == cutoff.getEpochSecond() && chunk.atNanos[at] < cutoff.getNano();
    }

    /** The id of the newest event purged so far or still held; one below the first id before the first. */
    long lastId() {
        return lastId;
    }
}
