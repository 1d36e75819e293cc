package io.agentevents.domain.access;

import io.agentevents.domain.ProjectId;

/** Who is making a request, as established from its token. */
public sealed interface Caller permits UserCaller, AgentCaller {

    /** The one project the caller's token is valid for. */
    ProjectId project();
}
