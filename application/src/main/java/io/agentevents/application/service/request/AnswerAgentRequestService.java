package io.agentevents.application.service.request;

import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.request.AnswerAgentRequestCommand;
import io.agentevents.application.port.in.request.AnswerAgentRequestUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestAnswered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Takes an agent's answer, in one transaction: the request is claimed (of two answers at once,
 * one claims it, the other is refused and leaves nothing), the agent's vault marked encrypted if
 * the answer says so, the answer's event appended, and the answer kept. Rows are locked in that
 * order (the request, the agent, the project's event counter), as a patch of the agent locks the
 * agent before the counter, so the two never wait for each other in a circle.
 */
public class AnswerAgentRequestService implements AnswerAgentRequestUseCase {

    private final AgentRequests requests;
    private final AgentRegistry registry;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Duration requestTtl;
    private final Clock clock;
    private final StoreCalls calls;

    /** @param requestTtl how long an answer is kept */
    public AnswerAgentRequestService(AgentRequests requests, AgentRegistry registry, EventLog eventLog,
                                     Transactions transactions, Duration requestTtl, Clock clock, StoreCalls calls) {
        this.requests = requests;
        this.registry = registry;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.requestTtl = requestTtl;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public CompletionStage<Void> answer(AnswerAgentRequestCommand command) {
        return calls.supply(() -> {
            answerNow(command);
            return null;
        });
    }

    private void answerNow(AnswerAgentRequestCommand command) {
        Access.requireAgentItself(command.caller(), command.project(), command.agent());
        RequestAnswer answer = command.answer();
        String name = RequestNames.of(answer.kind(), command.request());
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            AgentRequest request = requests.find(command.project(), command.agent(), command.request())
                    .filter(found -> found.kind() == answer.kind())
                    .orElseThrow(() -> new RequestNotFoundException(name + " not found for agent " + command.agent()));
            if (request.answer().isEmpty() && request.statusAt(now) == AgentRequest.Status.EXPIRED) {
                throw new RequestNotFoundException(name + " expired unanswered at " + request.expiresAt());
            }
            RequestAnswered event = request.answeredBy(answer, now);
            if (!requests.claimAnswer(command.project(), command.agent(), command.request(), now)) {
                throw new AnswerRefusedException(name + " was answered already"); // by another answer, just now
            }
            if (answer instanceof RequestAnswer.EncryptionReport report && report.encryptsVault()) {
                markVaultEncrypted(command);
            }
            StoredEvent stored = eventLog.append(command.project(), List.of(NewEvent.of(event))).get(0);
            requests.keepAnswer(command.project(), command.agent(), command.request(),
                    new AgentRequest.Answer(answer, stored.id(), now), now.plus(requestTtl));
            return stored;
        });
    }

    /** Compare and set, read again if a patch of the agent's settings got there first. */
    private void markVaultEncrypted(AnswerAgentRequestCommand command) {
        while (true) {
            Optional<RegisteredAgent> agent = registry.find(command.project(), command.agent());
            if (agent.isEmpty() || agent.get().settings().vaultEncrypted()) {
                return; // deleted meanwhile, or encrypted already
            }
            if (registry.updateSettings(command.project(), command.agent(), agent.get().settings(),
                    agent.get().settings().withVaultEncrypted())) {
                return;
            }
        }
    }
}
