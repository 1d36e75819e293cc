package io.agentevents.application.service;

import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestCommand;
import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestUseCase;
import io.agentevents.application.port.out.IdempotencyRecords;

public class FinishIdempotentRequestService implements FinishIdempotentRequestUseCase {

    private final IdempotencyRecords records;

    public FinishIdempotentRequestService(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public void finish(FinishIdempotentRequestCommand command) {
        String key = command.claim().scopedKey();
        command.answer().ifPresentOrElse(
                answer -> records.complete(key, new IdempotencyRecords.Answer(answer.status(), answer.location(), answer.body())),
                () -> records.release(key));
    }
}
