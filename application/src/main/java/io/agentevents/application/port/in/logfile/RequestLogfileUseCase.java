package io.agentevents.application.port.in.logfile;

import io.agentevents.domain.request.Logfile;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/{p}/agents/{a}/logfiles} (admin, creator): a log file in state requested, and
 * its {@code logfile_upload} event in the agent's feed. Fails with {@code AgentNotFoundException},
 * {@code AccessDeniedException}.
 */
@FunctionalInterface
public interface RequestLogfileUseCase {

    CompletionStage<Logfile> request(RequestLogfileCommand command);
}
