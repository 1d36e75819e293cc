package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code ?marker=&limit=&sort_dir=}, every problem reported at once. */
public final class PageQuery {

    private PageQuery() {
    }

    public static EventPageRequest parse(MultiMap query, SortDirection defaultDirection) {
        List<String> errors = new ArrayList<>();
        Optional<EventId> marker = Optional.empty();
        int limit = EventPageRequest.DEFAULT_LIMIT;
        SortDirection direction = defaultDirection;
        String markerText = single(query, "marker", errors);
        if (markerText != null) {
            try {
                marker = Optional.of(EventId.parse(markerText));
            } catch (IllegalArgumentException bad) {
                errors.add(bad.getMessage());
            }
        }
        String limitText = single(query, "limit", errors);
        if (limitText != null) {
            limit = parseLimit(limitText, errors);
        }
        String directionText = single(query, "sort_dir", errors);
        if (directionText != null) {
            switch (directionText.toLowerCase(Locale.ROOT)) {
                case "asc" -> direction = SortDirection.ASC;
                case "desc" -> direction = SortDirection.DESC;
                default -> errors.add("sort_dir must be asc or desc");
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("invalid query: " + String.join("; ", errors), errors);
        }
        return new EventPageRequest(marker, limit, direction);
    }

    private static int parseLimit(String text, List<String> errors) {
        String problem = "limit must be a whole number from 1 to " + EventPageRequest.MAX_LIMIT;
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            errors.add(problem);
            return EventPageRequest.DEFAULT_LIMIT;
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > EventPageRequest.MAX_LIMIT) {
            errors.add(problem);
            return EventPageRequest.DEFAULT_LIMIT;
        }
        return limit;
    }

    private static String single(MultiMap query, String name, List<String> errors) {
        List<String> values = query.getAll(name);
        if (values.size() > 1) {
            errors.add(name + " must be given at most once");
            return null;
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
