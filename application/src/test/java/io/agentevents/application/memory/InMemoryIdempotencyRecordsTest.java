package io.agentevents.application.memory;

import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.IdempotencyRecordsContract;

class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {

    @Override
    protected IdempotencyRecords idempotencyRecords() {
        return new InMemoryIdempotencyRecords();
    }
}
