package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.dto.response.LinkResponse;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.domain.request.Logfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A log file as the reference shows it: {@code id}, {@code date}, {@code state} and its links:
 * {@code self}, and with a log file container configured, {@code logfile} (where the agent
 * uploads it) and with a TempURL key {@code logfile_temp_url} (a download without a token).
 */
public record LogfileResponse(String id, String date, String state, List<LinkResponse> links) {

    public static LogfileResponse from(Logfile logfile, PublicUrl publicUrl, LogfileLinks logfileLinks) {
        List<LinkResponse> links = new ArrayList<>(3);
        links.add(LinkResponse.of("self", publicUrl.at(pathOf(logfile))));
        logfileLinks.logfile(logfile.agent(), logfile.date()).ifPresent(href -> links.add(LinkResponse.of("logfile", href)));
        logfileLinks.tempUrl(logfile.agent(), logfile.date())
                .ifPresent(href -> links.add(LinkResponse.of("logfile_temp_url", href)));
        return new LogfileResponse(logfile.id().toString(), Timestamps.format(logfile.date()), WireNames.of(logfile.state()),
                links);
    }

    /** Where the log file is routed here. */
    public static String pathOf(Logfile logfile) {
        return "/v2/" + logfile.project() + "/agents/" + logfile.agent() + "/logfiles/" + logfile.id();
    }
}
