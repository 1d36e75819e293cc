package io.agentevents.application.service.logfile;

import io.agentevents.application.port.in.logfile.DeleteLogfileUseCase;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import java.util.concurrent.CompletionStage;

/** Forgets one log file of an agent (admin). */
public class DeleteLogfileService implements DeleteLogfileUseCase {

    private final LogfileLookup lookup;
    private final Logfiles logfiles;
    private final StoreCalls calls;

    public DeleteLogfileService(AgentRegistry registry, Logfiles logfiles, StoreCalls calls) {
        this.lookup = new LogfileLookup(registry, logfiles);
        this.logfiles = logfiles;
        this.calls = calls;
    }

    @Override
    public CompletionStage<Void> delete(LogfileQuery query) {
        return calls.supply(() -> {
            Access.requireAdmin(query.caller(), query.project());
            if (!logfiles.remove(query.project(), query.agent(), query.logfile())) {
                lookup.requireAgent(query.project(), query.agent());
                throw LogfileLookup.notFound(query.agent(), query.logfile());
            }
            return null;
        });
    }
}
