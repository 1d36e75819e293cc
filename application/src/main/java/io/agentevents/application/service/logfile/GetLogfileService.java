package io.agentevents.application.service.logfile;

import io.agentevents.application.port.in.logfile.GetLogfileUseCase;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.request.Logfile;
import java.util.concurrent.CompletionStage;

/** One log file of an agent, for its users or itself. */
public class GetLogfileService implements GetLogfileUseCase {

    private final LogfileLookup lookup;
    private final StoreCalls calls;

    public GetLogfileService(AgentRegistry registry, Logfiles logfiles, StoreCalls calls) {
        this.lookup = new LogfileLookup(registry, logfiles);
        this.calls = calls;
    }

    @Override
    public CompletionStage<Logfile> get(LogfileQuery query) {
        return calls.supply(() -> {
            Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
            return lookup.require(query.project(), query.agent(), query.logfile());
        });
    }
}
