package io.agentevents.application.service.logfile;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.Logfile;

/** Finds an agent's log file, or says which of the two is missing. */
final class LogfileLookup {

    private final AgentRegistry registry;
    private final Logfiles logfiles;

    LogfileLookup(AgentRegistry registry, Logfiles logfiles) {
        this.registry = registry;
        this.logfiles = logfiles;
    }

    /** @throws AgentNotFoundException if there is no such agent */
    void requireAgent(ProjectId project, AgentId agent) {
        if (registry.find(project, agent).isEmpty()) {
            throw new AgentNotFoundException(project, agent);
        }
    }

    /** @throws RequestNotFoundException if the agent has no such log file; AgentNotFoundException if there is no such agent */
    Logfile require(ProjectId project, AgentId agent, RequestId logfile) {
        return logfiles.find(project, agent, logfile).orElseThrow(() -> {
            requireAgent(project, agent);
            return notFound(agent, logfile);
        });
    }

    static RequestNotFoundException notFound(AgentId agent, RequestId logfile) {
        return new RequestNotFoundException("log file " + logfile + " not found for agent " + agent);
    }
}
