package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code {"events":[…],"links":[{"href":…,"rel":"next"},{"href":…,"rel":"previous"}]}}, the links absolute. */
public record EventListResponse(List<EventResponse> events, List<LinkResponse> links) {

    /**
     * @param path    the path the page was read from, for the links
     * @param request the request that read it, whose limit and order the next link keeps
     */
    public static EventListResponse from(EventPage page, String path, EventPageRequest request, PublicUrl publicUrl,
                                         LogfileLinks logfileLinks) {
        List<LinkResponse> links = new ArrayList<>(2);
        page.next().ifPresent(marker -> links.add(LinkResponse.of("next", publicUrl.at(
                href(path, new EventPageRequest(Optional.of(marker), request.limit(), request.direction()))))));
        page.previous().ifPresent(previous -> links.add(LinkResponse.of("previous", publicUrl.at(href(path, previous)))));
        return new EventListResponse(page.events().stream().map(event -> EventResponse.from(event, logfileLinks)).toList(), links);
    }

    private static String href(String path, EventPageRequest request) {
        StringBuilder href = new StringBuilder(path).append('?');
        request.after().map(EventId::value).ifPresent(marker -> href.append("marker=").append(marker).append('&'));
        return href.append("limit=").append(request.limit())
                .append("&sort_dir=").append(request.direction() == SortDirection.ASC ? "asc" : "desc")
                .toString();
    }
}
