package io.agentevents.application.service.request;

import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.request.PendingAnswer;
import io.agentevents.application.port.in.request.ReadAnswerQuery;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.application.service.feed.WaitingRead;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.request.AgentRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One read of a request's answer: a {@link WaitingRead} of the request, woken by news of the
 * agent's feed (the answer's event is such news), that ends once the request is answered, gone
 * or expired, or, without a wait, at once. Ended without an answer, it says why.
 */
final class PendingRead extends WaitingRead<Optional<AgentRequest>, AgentRequest> implements PendingAnswer {

    private final ReadAnswerQuery query;
    private final AgentRequests requests;
    private final Clock clock;
    private final String name;
    private final boolean waits;

    PendingRead(ReadAnswerQuery query, AgentRequests requests, StoreCalls calls, Clock clock) {
        super(calls);
        this.query = query;
        this.requests = requests;
        this.clock = clock;
        this.name = RequestNames.of(query.kind(), query.request());
        this.waits = !query.maxWait().isZero();
    }

    @Override
    public AgentId agent() {
        return query.agent();
    }

    /** @param release ends its watch and deadline, if it waits; called once, when it ends */
    void begin(Runnable release) {
        start(release);
    }

    @Override
    public CompletionStage<AgentRequest> answer() {
        return answerStage();
    }

    @Override
    protected Optional<AgentRequest> firstRead() {
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        return readAgain(Optional.empty());
    }

    @Override
    protected Optional<AgentRequest> readAgain(Optional<AgentRequest> last) {
        return requests.find(query.project(), query.agent(), query.request()).filter(found -> found.kind() == query.kind());
    }

    @Override
    protected boolean answersNow(Optional<AgentRequest> read) {
        return !waits || read.isEmpty() || read.get().statusAt(clock.instant()) != AgentRequest.Status.OPEN;
    }

    @Override
    protected AgentRequest answerOf(Optional<AgentRequest> read) {
        AgentRequest request = read.orElseThrow(
                () -> new RequestNotFoundException(name + " not found for agent " + query.agent()));
        return switch (request.statusAt(clock.instant())) {
            case ANSWERED -> request;
            case OPEN -> throw new RequestNotFoundException(name + " has no answer yet");
            case EXPIRED -> throw new RequestNotFoundException(request.answer().isPresent()
                    ? name + " is no longer kept: its answer was kept until " + request.expiresAt()
                    : name + " expired unanswered at " + request.expiresAt());
        };
    }
}
