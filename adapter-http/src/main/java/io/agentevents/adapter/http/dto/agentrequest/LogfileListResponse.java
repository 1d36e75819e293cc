package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.domain.request.Logfile;
import java.util.List;

/** {@code {"logfiles": […]}}, oldest first; empty when the agent has none. */
public record LogfileListResponse(List<LogfileResponse> logfiles) {

    public static LogfileListResponse from(List<Logfile> logfiles, PublicUrl publicUrl, LogfileLinks links) {
        return new LogfileListResponse(logfiles.stream().map(logfile -> LogfileResponse.from(logfile, publicUrl, links))
                .toList());
    }
}
