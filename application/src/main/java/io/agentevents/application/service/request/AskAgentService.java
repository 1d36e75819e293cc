package io.agentevents.application.service.request;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.VaultStateException;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.application.port.in.request.AskAgentUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.RequestedWork;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Opens a request of an agent: checks the agent (and the vault the request is about), then
 * appends the request's event to the project's log and keeps the request, in one transaction that
 * may share its commit with others (the event comes first, then only the project's own rows).
 */
public class AskAgentService implements AskAgentUseCase {

    static final String NOT_ENCRYPTED = "Encryption is not enabled for this agent's vault.";
    static final String OLD_PASSWORD_FOR_UNENCRYPTED = "An old password was supplied, but the vault is unencrypted.";
    static final String NO_OLD_PASSWORD_FOR_ENCRYPTED = "No old password was supplied, but the vault is encrypted.";

    private final AgentRegistry registry;
    private final AgentRequests requests;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Duration requestTtl;
    private final Clock clock;
    private final StoreCalls calls;

    /** @param requestTtl how long a request waits for its answer */
    public AskAgentService(AgentRegistry registry, AgentRequests requests, EventLog eventLog, Transactions transactions,
                           Duration requestTtl, Clock clock, StoreCalls calls) {
        this.registry = registry;
        this.requests = requests;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.requestTtl = requestTtl;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public CompletionStage<AgentRequest> ask(AskAgentCommand command) {
        return calls.supply(() -> checked(command)).thenCompose(request -> transactions.inSharedTransaction(
                command.project(), () -> {
                    eventLog.append(command.project(), List.of(NewEvent.of(request.requestedEvent())));
                    requests.open(request);
                    return request;
                }));
    }

    private AgentRequest checked(AskAgentCommand command) {
        Access.requireWriter(command.caller(), command.project());
        RegisteredAgent agent = agentOf(command.project(), command.agent());
        if (command.work() instanceof RequestedWork.VerifyVaultPassword verify) {
            RegisteredAgent owner = verify.vaultOf().equals(agent.id()) ? agent : agentOf(command.project(), verify.vaultOf());
            if (!owner.settings().vaultEncrypted()) {
                throw new VaultStateException(NOT_ENCRYPTED);
            }
        } else if (command.work() instanceof RequestedWork.EncryptVault encrypt) {
            boolean encrypted = agent.settings().vaultEncrypted();
            if (encrypt.changesPassword() && !encrypted) {
                throw new VaultStateException(OLD_PASSWORD_FOR_UNENCRYPTED);
            }
            if (!encrypt.changesPassword() && encrypted) {
                throw new VaultStateException(NO_OLD_PASSWORD_FOR_ENCRYPTED);
            }
        }
        return AgentRequest.open(command.project(), command.agent(), command.requestId(), command.work(),
                clock.instant(), requestTtl);
    }

    private RegisteredAgent agentOf(ProjectId project, AgentId agent) {
        return registry.find(project, agent).orElseThrow(() -> new AgentNotFoundException(project, agent));
    }
}
