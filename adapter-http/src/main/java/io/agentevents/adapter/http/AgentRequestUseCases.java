package io.agentevents.adapter.http;

import io.agentevents.application.port.in.logfile.DeleteLogfileUseCase;
import io.agentevents.application.port.in.logfile.GetLogfileUseCase;
import io.agentevents.application.port.in.logfile.ListLogfilesUseCase;
import io.agentevents.application.port.in.logfile.RequestLogfileUseCase;
import io.agentevents.application.port.in.logfile.UpdateLogfileUseCase;
import io.agentevents.application.port.in.request.AnswerAgentRequestUseCase;
import io.agentevents.application.port.in.request.AskAgentUseCase;
import io.agentevents.application.port.in.request.ReadAnswerUseCase;
import java.util.Objects;
import java.util.stream.Stream;

/** The use cases of requests made of agents: ask, answer, read the answer; and log files. */
public record AgentRequestUseCases(
        AskAgentUseCase ask,
        AnswerAgentRequestUseCase answer,
        ReadAnswerUseCase readAnswer,
        RequestLogfileUseCase requestLogfile,
        ListLogfilesUseCase listLogfiles,
        GetLogfileUseCase getLogfile,
        UpdateLogfileUseCase updateLogfile,
        DeleteLogfileUseCase deleteLogfile) {

    public AgentRequestUseCases {
        Stream.of(ask, answer, readAnswer, requestLogfile, listLogfiles, getLogfile, updateLogfile, deleteLogfile)
                .forEach(Objects::requireNonNull);
    }
}
