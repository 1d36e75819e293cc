package io.agentevents.application.service.idempotency;

import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestCommand;
import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestUseCase;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.StoreCalls;
import java.util.concurrent.CompletionStage;

public class FinishIdempotentRequestService implements FinishIdempotentRequestUseCase {

    private final IdempotencyRecords records;
    private final StoreCalls calls;

    public FinishIdempotentRequestService(IdempotencyRecords records, StoreCalls calls) {
        this.calls = calls;
        this.records = records;
    }

    @Override
    public CompletionStage<Void> finish(FinishIdempotentRequestCommand command) {
        return calls.supply(() -> {
            finishNow(command);
            return null;
        });
    }

    private void finishNow(FinishIdempotentRequestCommand command) {
        String key = command.claim().scopedKey();
        command.answer().ifPresentOrElse(
                answer -> records.complete(key, new IdempotencyRecords.Answer(answer.status(), answer.location(), answer.body())),
                () -> records.release(key));
    }
}
