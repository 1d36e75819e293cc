package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.ResourceNotFoundException;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.vertx.ext.web.RoutingContext;

/** Ids in the path. A malformed one names nothing that could exist, so it is a 404. */
public final class PathParams {

    private PathParams() {
    }

    public static ProjectId project(RoutingContext context) {
        try {
            return new ProjectId(context.pathParam("project"));
        } catch (IllegalArgumentException malformed) {
            throw new ResourceNotFoundException("project not found: " + malformed.getMessage());
        }
    }

    /** The id of a request made of an agent ({@code :request}) or of a log file ({@code :logfile}). */
    public static RequestId request(RoutingContext context, String param) {
        try {
            return RequestId.parse(context.pathParam(param));
        } catch (IllegalArgumentException malformed) {
            throw new ResourceNotFoundException((param.equals("logfile") ? "log file" : "request") + " not found: "
                    + malformed.getMessage());
        }
    }

    public static AgentId agent(RoutingContext context) {
        try {
            return AgentId.parse(context.pathParam("agent"));
        } catch (IllegalArgumentException malformed) {
            throw new ResourceNotFoundException("agent not found: " + malformed.getMessage());
        }
    }
}
