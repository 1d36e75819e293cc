package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.VaultStateException;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.AwaitAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.application.port.in.request.AnswerAgentRequestCommand;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.application.port.in.request.PendingAnswer;
import io.agentevents.application.port.in.request.ReadAnswerQuery;
import io.agentevents.application.service.feed.AwaitAgentEventsService;
import io.agentevents.application.service.feed.FeedWatchers;
import io.agentevents.application.service.request.AnswerAgentRequestService;
import io.agentevents.application.service.request.AskAgentService;
import io.agentevents.application.service.request.ReadAnswerService;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.AgentRequested;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestKind;
import io.agentevents.domain.request.RequestedWork;
import io.agentevents.domain.request.TestRequests;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ask an agent, the agent answers, the client reads the answer: on the in-memory store. */
class AgentRequestServicesTest {

    private final InMemoryApplication app = new InMemoryApplication();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
    private final FeedWatchers watchers = new FeedWatchers(app.eventLog, app.inline, app.signals, deadlines);
    private final AskAgentService ask = new AskAgentService(app.registry, app.agentRequests, app.eventLog,
            app.transactions, InMemoryApplication.REQUEST_TTL, app.clock, app.inline);
    private final AnswerAgentRequestService answer = new AnswerAgentRequestService(app.agentRequests, app.registry,
            app.eventLog, app.transactions, InMemoryApplication.REQUEST_TTL, app.clock, app.inline);
    private final ReadAnswerService read = new ReadAnswerService(app.agentRequests, watchers, app.clock, app.inline);
    private final AgentCaller agent = app.registeredAgentCaller();

    @AfterEach
    void stopDeadlines() {
        deadlines.shutdownNow();
    }

    private AgentRequest asked(Caller caller, AgentId target, RequestedWork work) {
        return awaited(ask.ask(new AskAgentCommand(caller, app.project, target, work, TestSessions.newRequest())));
    }

    private AgentRequest asked(RequestedWork work) {
        return asked(app.admin, agent.agent(), work);
    }

    private void answered(AgentCaller by, AgentRequest request, RequestAnswer given) {
        awaited(answer.answer(new AnswerAgentRequestCommand(by, app.project, request.agent(), request.id(), given)));
    }

    private AgentRequest readNow(Caller caller, AgentRequest request) {
        return awaited(read.read(new ReadAnswerQuery(caller, app.project, request.agent(), request.id(), request.kind(),
                Duration.ZERO)).answer());
    }

    private List<StoredEvent> feedOf(AgentId target) {
        return app.eventLog.feedWithHeartbeats(app.project, target, new EventPageRequest(Optional.empty(), 100,
                SortDirection.ASC)).events();
    }

    private void encryptVault() {
        AgentRequest enable = asked(TestRequests.enable());
        answered(agent, enable, new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true));
    }

    @Test
    void aBrowseRequest_ridesTheAgentsFeed_underItsOwnId() {
        AgentRequest request = asked(TestRequests.browse("/home"));

        StoredEvent event = feedOf(agent.agent()).get(feedOf(agent.agent()).size() - 1);
        assertThat(event.event().type()).isEqualTo(EventType.HOST_BROWSE);
        assertThat(event.requestId()).isEqualTo(request.id());
        assertThat(((AgentRequested) event.event()).work()).isEqualTo(TestRequests.browse("/home"));
        assertThat(request.expiresAt()).isEqualTo(app.clock.instant().plus(InMemoryApplication.REQUEST_TTL));
    }

    @Test
    void onlyWriters_ofTheProject_mayAsk_anAgentThatExists() {
        assertThatThrownBy(() -> asked(app.observer, agent.agent(), TestRequests.browse("/")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asked(app.otherAdmin, agent.agent(), TestRequests.browse("/")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asked(agent, agent.agent(), TestRequests.browse("/")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asked(app.admin, TestSessions.newAgent(), TestRequests.browse("/")))
                .isInstanceOf(AgentNotFoundException.class);
        assertThat(asked(app.creator, agent.agent(), TestRequests.browse("/")).agent()).isEqualTo(agent.agent());
        assertThat(feedOf(agent.agent()).stream().filter(event -> event.event().type() == EventType.HOST_BROWSE))
                .as("nothing was written by the refused requests").hasSize(1);
    }

    @Test
    void theAnswer_isReadByUsersAndTheAgent_only_onceGiven() {
        AgentRequest request = asked(TestRequests.browse("/home"));
        assertThatThrownBy(() -> readNow(app.observer, request)).isInstanceOf(RequestNotFoundException.class)
                .hasMessageContaining("has no answer yet");

        app.clock.advanceBy(Duration.ofSeconds(2));
        answered(agent, request, TestRequests.listing("/home", "a.txt", "b.txt"));

        AgentRequest result = readNow(app.observer, request);
        assertThat(result.answer().orElseThrow().answer()).isEqualTo(TestRequests.listing("/home", "a.txt", "b.txt"));
        assertThat(result.answer().get().at()).isEqualTo(app.clock.instant());
        StoredEvent answerEvent = feedOf(agent.agent()).get(feedOf(agent.agent()).size() - 1);
        assertThat(answerEvent.id()).isEqualTo(result.answer().get().event());
        assertThat(answerEvent.event().type()).isEqualTo(EventType.HOST_BROWSED);
        assertThat(answerEvent.requestId()).isEqualTo(request.id());
        assertThat(readNow(agent, request)).isEqualTo(result);
        AgentCaller another = app.registeredAgentCaller();
        assertThatThrownBy(() -> readNow(another, request)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readNow(app.otherAdmin, request)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheAgentItself_mayAnswer_once() {
        AgentRequest request = asked(TestRequests.browse("/"));
        AgentCaller another = app.registeredAgentCaller();

        assertThatThrownBy(() -> answered(another, request, TestRequests.listing("/"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> awaited(answer.answer(new AnswerAgentRequestCommand(app.admin, app.project, agent.agent(),
                request.id(), TestRequests.listing("/"))))).isInstanceOf(AccessDeniedException.class);
        answered(agent, request, TestRequests.listing("/"));
        int events = feedOf(agent.agent()).size();
        assertThatThrownBy(() -> answered(agent, request, TestRequests.listing("/")))
                .isInstanceOf(AnswerRefusedException.class).hasMessageContaining("answered already");
        assertThat(feedOf(agent.agent())).as("the refused answer wrote nothing").hasSize(events);
    }

    @Test
    void anAnswer_toAnUnknownExpiredOrOtherKindOfRequest_isNotFound() {
        AgentRequest request = asked(TestRequests.browse("/"));

        assertThatThrownBy(() -> answered(agent, new AgentRequest(app.project, agent.agent(), TestSessions.newRequest(),
                TestRequests.browse("/"), request.at(), request.expiresAt(), Optional.empty()), TestRequests.listing("/")))
                .isInstanceOf(RequestNotFoundException.class);
        assertThatThrownBy(() -> answered(agent, request, new RequestAnswer.PasswordVerification(true)))
                .isInstanceOf(RequestNotFoundException.class).hasMessageContaining("vault password verification request");
        app.clock.advanceBy(InMemoryApplication.REQUEST_TTL);
        assertThatThrownBy(() -> answered(agent, request, TestRequests.listing("/")))
                .isInstanceOf(RequestNotFoundException.class).hasMessageContaining("expired unanswered");
        assertThatThrownBy(() -> readNow(app.admin, request)).isInstanceOf(RequestNotFoundException.class)
                .hasMessageContaining("expired unanswered");
    }

    @Test
    void anAnswer_isKeptForTheTtl_thenReadsAsGone_andIsPurgedLater() {
        AgentRequest request = asked(TestRequests.browse("/"));
        app.clock.advanceBy(Duration.ofMinutes(4));
        answered(agent, request, TestRequests.listing("/"));

        app.clock.advanceBy(Duration.ofMinutes(4));
        assertThat(readNow(app.admin, request).answer()).as("kept from the answer on, past the request's own ttl").isPresent();
        app.clock.advanceBy(Duration.ofMinutes(1));
        assertThatThrownBy(() -> readNow(app.admin, request)).hasMessageContaining("no longer kept");
        awaited(app.purge.purge());
        assertThat(app.agentRequests.find(app.project, agent.agent(), request.id())).as("kept a ttl longer, as expired")
                .isPresent();
        app.clock.advanceBy(InMemoryApplication.REQUEST_TTL.plusSeconds(1));
        assertThat(awaited(app.purge.purge()).agentRequests()).isEqualTo(1);
        assertThatThrownBy(() -> readNow(app.admin, request)).hasMessageContaining("not found");
    }

    @Test
    void aWaitingRead_isAnsweredWhenTheAgentAnswers() {
        AgentRequest request = asked(TestRequests.browse("/"));
        PendingAnswer pending = read.read(new ReadAnswerQuery(app.observer, app.project, agent.agent(), request.id(),
                RequestKind.BROWSE, Duration.ofSeconds(30)));
        assertThat(pending.answer().toCompletableFuture()).isNotDone();
        assertThat(watchers.waiting()).isEqualTo(1);

        answered(agent, request, TestRequests.listing("/", "x"));

        assertThat(pending.answer().toCompletableFuture()).isCompleted();
        assertThat(awaited(pending.answer()).answer().orElseThrow().answer()).isEqualTo(TestRequests.listing("/", "x"));
        assertThat(watchers.waiting()).isZero();
    }

    @Test
    void aWaitingRead_ignoresOtherNews_andAnswersNotYetAtItsDeadline() {
        AgentRequest request = asked(TestRequests.browse("/"));
        PendingAnswer pending = read.read(new ReadAnswerQuery(app.admin, app.project, agent.agent(), request.id(),
                RequestKind.BROWSE, Duration.ofMillis(300)));
        asked(TestRequests.browse("/other")); // news of the agent's feed, but no answer

        assertThat(pending.answer().toCompletableFuture()).isNotDone();
        assertThatThrownBy(() -> pending.answer().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RequestNotFoundException.class).hasMessageContaining("has no answer yet");
        assertThat(watchers.waiting()).isZero();
    }

    @Test
    void aWaitingRead_thatIsCancelled_letsGoOfItsWatch() {
        AgentRequest request = asked(TestRequests.browse("/"));
        PendingAnswer pending = read.read(new ReadAnswerQuery(app.admin, app.project, agent.agent(), request.id(),
                RequestKind.BROWSE, Duration.ofSeconds(30)));

        pending.cancel();

        assertThat(watchers.waiting()).isZero();
        assertThat(pending.answer().toCompletableFuture()).isCancelled();
    }

    @Test
    void theRequest_wakesTheAgentsLongPoll_throughTheSameWatches() {
        AwaitAgentEventsService await = new AwaitAgentEventsService(app.sessions, app.eventLog, app.presence,
                app.schedules, app.clock, app.inline, watchers);
        AgentEventsPage first = app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(),
                new EventPageRequest(Optional.empty(), 100, SortDirection.ASC), TestSessions.newRequest()));
        PendingPage poll = await.await(new AwaitAgentEventsQuery(new ListAgentEventsQuery(agent, app.project, agent.agent(),
                new EventPageRequest(first.page().next(), 100, SortDirection.ASC), TestSessions.newRequest()),
                Duration.ofSeconds(30)));
        assertThat(poll.page().toCompletableFuture()).isNotDone();

        AgentRequest request = asked(TestRequests.browse("/"));

        AgentEventsPage woken = awaited(poll.page());
        assertThat(woken.page().events()).extracting(StoredEvent::requestId).containsExactly(request.id());
    }

    @Test
    void aVerification_needsAnEncryptedVault_ofAnAgentOfTheProject() {
        assertThatThrownBy(() -> asked(TestRequests.verify(agent.agent()))).isInstanceOf(VaultStateException.class)
                .hasMessage("Encryption is not enabled for this agent's vault.");
        assertThatThrownBy(() -> asked(TestRequests.verify(TestSessions.newAgent())))
                .isInstanceOf(AgentNotFoundException.class);
        encryptVault();
        AgentRequest own = asked(TestRequests.verify(agent.agent()));
        answered(agent, own, new RequestAnswer.PasswordVerification(true));
        assertThat(readNow(app.admin, own).answer().orElseThrow().answer()).isEqualTo(new RequestAnswer.PasswordVerification(true));

        AgentCaller verifier = app.registeredAgentCaller();
        AgentRequest forAnother = asked(app.admin, verifier.agent(), TestRequests.verify(agent.agent()));
        assertThat(forAnother.agent()).as("asked of the verifier, about the other's vault").isEqualTo(verifier.agent());
        assertThatThrownBy(() -> asked(app.admin, agent.agent(), TestRequests.verify(verifier.agent())))
                .isInstanceOf(VaultStateException.class);
    }

    @Test
    void encryption_firstEnables_thenOnlyChanges_andAFailedEnableLeavesTheVaultAsItWas() {
        assertThatThrownBy(() -> asked(TestRequests.change())).isInstanceOf(VaultStateException.class)
                .hasMessage("An old password was supplied, but the vault is unencrypted.");
        AgentRequest failed = asked(TestRequests.enable());
        answered(agent, failed, new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, false));
        assertThat(app.registry.find(app.project, agent.agent()).orElseThrow().settings().vaultEncrypted()).isFalse();

        AgentRequest enable = asked(TestRequests.enable());
        assertThatThrownBy(() -> answered(agent, enable, new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, true)))
                .isInstanceOf(AnswerRefusedException.class);
        answered(agent, enable, new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true));
        assertThat(app.registry.find(app.project, agent.agent()).orElseThrow().settings().vaultEncrypted()).isTrue();

        assertThatThrownBy(() -> asked(TestRequests.enable())).isInstanceOf(VaultStateException.class)
                .hasMessage("No old password was supplied, but the vault is encrypted.");
        AgentRequest change = asked(TestRequests.change());
        answered(agent, change, new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, true));
        assertThat(feedOf(agent.agent()).stream().map(event -> event.event().type())).contains(
                EventType.VAULT_ENCRYPTION_ENABLE, EventType.VAULT_ENCRYPTION_ENABLED, EventType.VAULT_ENCRYPTION_CHANGE,
                EventType.VAULT_ENCRYPTION_CHANGED);
    }

    @Test
    void deletingTheAgent_dropsItsRequests() {
        AgentRequest request = asked(TestRequests.browse("/"));

        awaited(app.deleteAgent.delete(new io.agentevents.application.port.in.agent.DeleteAgentCommand(app.admin,
                app.project, agent.agent(), TestSessions.newRequest())));

        assertThat(app.agentRequests.find(app.project, agent.agent(), request.id())).isEmpty();
        assertThatThrownBy(() -> readNow(app.admin, request)).isInstanceOf(RequestNotFoundException.class);
    }

    @Test
    void awaitedFailures_areTheUseCasesOwn() {
        AgentRequest request = asked(TestRequests.browse("/"));
        assertThatThrownBy(() -> read.read(new ReadAnswerQuery(app.admin, app.project, agent.agent(), request.id(),
                RequestKind.BROWSE, Duration.ZERO)).answer().toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(RequestNotFoundException.class);
    }
}
