package io.agentevents.adapter.http.dto.response;

/** {@code {"href":…,"rel":…}}, in the reference's order. */
public record LinkResponse(String href, String rel) {

    /** The link of relation {@code rel}. */
    public static LinkResponse of(String rel, String href) {
        return new LinkResponse(href, rel);
    }
}
