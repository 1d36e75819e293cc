package io.agentevents.adapter.postgres.row;

import io.agentevents.application.port.out.EventSignals.FeedGrowth;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What grew in an agent's feed as the text a notification carries: the feed's last id before the
 * growth, then each event as seven fields (id, type, at, agent, mode, expiry, request id; "-" for
 * none), all separated by spaces. Only events of types that need no other column
 * ({@link EventRow#FEW_COLUMNS}), at whole microseconds as the database keeps them, and at most
 * {@value #MAX_EVENTS} of them are carried, so the text stays far below a notification's 8000
 * bytes and holds nothing a request asked or answered.
 */
public final class FeedGrowthText {

    static final int MAX_EVENTS = 16;
    private static final int FIELDS = 7;
    private static final String NONE = "-";

    private FeedGrowthText() {
    }

    /** The events' fields (the last id before them is the database's to add), or empty if they cannot all be carried. */
    public static Optional<String> eventsOf(List<EventRow.Values> events) {
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>(events.size() * FIELDS);
        for (EventRow.Values event : events) {
            if (!EventRow.FEW_COLUMNS.contains(Columns.eventType(event.type())) || !wholeMicros(event.at())
                    || (event.expiresAt() != null && !wholeMicros(event.expiresAt()))) {
                return Optional.empty();
            }
            fields.add(Long.toString(event.id()));
            fields.add(event.type());
            fields.add(event.at().toString());
            fields.add(orNone(event.agent()));
            fields.add(orNone(event.mode()));
            fields.add(orNone(event.expiresAt()));
            fields.add(event.requestId().toString());
        }
        return Optional.of(String.join(" ", fields));
    }

    /** The growth a notification's text says ({@code "<last id before> <events>"}), or empty if it says none. */
    public static Optional<FeedGrowth> parse(String text) {
        String[] fields = text.split(" ");
        if (fields.length < 1 + FIELDS || (fields.length - 1) % FIELDS != 0) {
            return Optional.empty();
        }
        try {
            List<StoredEvent> events = new ArrayList<>((fields.length - 1) / FIELDS);
            for (int at = 1; at < fields.length; at += FIELDS) {
                events.add(event(fields, at));
            }
            return Optional.of(new FeedGrowth(Long.parseLong(fields[0]), events));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // not ours, or from a release that carries more: its plain signal follows
        }
    }

    private static StoredEvent event(String[] fields, int first) {
        EventType type = Columns.eventType(fields[first + 1]);
        if (!EventRow.FEW_COLUMNS.contains(type)) {
            throw new IllegalArgumentException(type + " is not carried");
        }
        RequestId requestId = new RequestId(UUID.fromString(fields[first + 6]));
        Optional<AgentId> agent = none(fields[first + 3]).map(UUID::fromString).map(AgentId::new);
        Optional<Instant> expiresAt = none(fields[first + 5]).map(Instant::parse);
        return new StoredEvent(new EventId(Long.parseLong(fields[first])), EventRow.ofFewColumns(type,
                Instant.parse(fields[first + 2]), agent, none(fields[first + 4]).orElse(null), expiresAt, requestId),
                requestId);
    }

    private static boolean wholeMicros(Instant instant) {
        return instant.getNano() % 1_000 == 0;
    }

    private static String orNone(Object value) {
        return value == null ? NONE : value.toString();
    }

    private static Optional<String> none(String field) {
        return field.equals(NONE) ? Optional.empty() : Optional.of(field);
    }
}
