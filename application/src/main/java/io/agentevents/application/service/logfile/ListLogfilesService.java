package io.agentevents.application.service.logfile;

import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.logfile.ListLogfilesUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.request.Logfile;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The agent's log files, for its users or itself. */
public class ListLogfilesService implements ListLogfilesUseCase {

    private final LogfileLookup lookup;
    private final Logfiles logfiles;
    private final StoreCalls calls;

    public ListLogfilesService(AgentRegistry registry, Logfiles logfiles, StoreCalls calls) {
        this.lookup = new LogfileLookup(registry, logfiles);
        this.logfiles = logfiles;
        this.calls = calls;
    }

    @Override
    public CompletionStage<List<Logfile>> list(AgentQuery query) {
        return calls.supply(() -> {
            Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
            lookup.requireAgent(query.project(), query.agent());
            return logfiles.list(query.project(), query.agent());
        });
    }
}
