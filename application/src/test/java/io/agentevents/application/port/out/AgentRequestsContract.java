package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.BrowsedItem;
import io.agentevents.domain.request.EncryptedPassword;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestedWork;
import io.agentevents.domain.request.TestRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link AgentRequests}: every kind of request and answer is read back as it was kept. */
public abstract class AgentRequestsContract {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Instant ANSWERED_AT = T0.plusSeconds(3);
    private final ProjectId project = TestSessions.newProject();
    private final AgentId agent = TestSessions.newAgent();
    private AgentRequests requests;

    protected abstract AgentRequests agentRequests();

    @BeforeEach
    void setUpRequests() {
        requests = agentRequests();
    }

    private AgentRequest opened(RequestedWork work) {
        AgentRequest request = AgentRequest.open(project, agent, TestSessions.newRequest(), work, T0, TTL);
        requests.open(request);
        return request;
    }

    private AgentRequest answered(AgentRequest request, RequestAnswer answer) {
        assertThat(requests.claimAnswer(project, agent, request.id(), ANSWERED_AT)).isTrue();
        AgentRequest.Answer kept = new AgentRequest.Answer(answer, new EventId(1_796_171_083_904_082L), ANSWERED_AT);
        requests.keepAnswer(project, agent, request.id(), kept, ANSWERED_AT.plus(TTL));
        return request.withAnswer(kept, ANSWERED_AT.plus(TTL));
    }

    @Test
    void everyKindOfRequest_isReadBackAsOpened() {
        Base64Text encoded = Base64Text.of("L2hvbWUvY2Fm6Q==", "path_encoded");
        List<RequestedWork> works = List.of(new RequestedWork.BrowseHost("/home/caf\u00e9 \u2603", Optional.of(encoded)),
                TestRequests.browse("/"),
                new RequestedWork.VerifyVaultPassword(new EncryptedPassword(TestRequests.EXAMPLE_PASSWORD_HEX),
                        TestSessions.newAgent()),
                TestRequests.enable(), TestRequests.change());
        for (RequestedWork work : works) {
            AgentRequest request = opened(work);
            assertThat(requests.find(project, agent, request.id())).as(work.toString()).contains(request);
        }
    }

    @Test
    void find_ofAnotherAgentOrProject_orAnUnknownId_isEmpty() {
        AgentRequest request = opened(TestRequests.browse("/"));

        assertThat(requests.find(project, TestSessions.newAgent(), request.id())).isEmpty();
        assertThat(requests.find(TestSessions.newProject(), agent, request.id())).isEmpty();
        assertThat(requests.find(project, agent, TestSessions.newRequest())).isEmpty();
    }

    @Test
    void open_twice_isRefused() {
        AgentRequest request = opened(TestRequests.browse("/"));

        assertThatThrownBy(() -> requests.open(request)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyKindOfAnswer_isReadBackAsKept_untilItsOwnExpiry() {
        List<BrowsedItem> items = List.of(new BrowsedItem("initrd.img", Optional.of(Base64Text.of("aW5pdHJk", "n")), 0,
                        "application/x-symlink-file"),
                new BrowsedItem("caf\u00e9 \u2603.txt", Optional.empty(), 9_000_000_000L, "text/plain"));
        RequestAnswer listing = new RequestAnswer.BrowseListing(true, "/home", Optional.of(Base64Text.of("L2hvbWU", "p")),
                items);
        AgentRequest browse = answered(opened(TestRequests.browse("/home")), listing);
        AgentRequest empty = answered(opened(TestRequests.browse("/nope")),
                new RequestAnswer.BrowseListing(false, "/nope", Optional.empty(), List.of()));
        AgentRequest verified = answered(opened(TestRequests.verify(agent)), new RequestAnswer.PasswordVerification(false));
        AgentRequest enabled = answered(opened(TestRequests.enable()),
                new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true));

        for (AgentRequest request : List.of(browse, empty, verified, enabled)) {
            Optional<AgentRequest> found = requests.find(project, agent, request.id());
            assertThat(found).contains(request);
            assertThat(found.get().statusAt(T0.plus(TTL))).as("kept past the request's own expiry")
                    .isEqualTo(AgentRequest.Status.ANSWERED);
        }
    }

    @Test
    void aClaimedAnswer_isNotShownBeforeItIsKept_andASecondClaimFails() {
        AgentRequest request = opened(TestRequests.browse("/"));

        assertThat(requests.claimAnswer(project, agent, request.id(), ANSWERED_AT)).isTrue();
        assertThat(requests.find(project, agent, request.id()).orElseThrow().answer()).isEmpty();
        assertThat(requests.claimAnswer(project, agent, request.id(), ANSWERED_AT)).isFalse();
        answered(opened(TestRequests.browse("/b")), TestRequests.listing("/b"));
    }

    @Test
    void claim_ofAnExpiredRequest_anotherAgentsOrAnUnknownOne_fails() {
        AgentRequest request = opened(TestRequests.browse("/"));

        assertThat(requests.claimAnswer(project, agent, request.id(), T0.plus(TTL))).isFalse();
        assertThat(requests.claimAnswer(project, TestSessions.newAgent(), request.id(), ANSWERED_AT)).isFalse();
        assertThat(requests.claimAnswer(project, agent, TestSessions.newRequest(), ANSWERED_AT)).isFalse();
        assertThat(requests.claimAnswer(project, agent, request.id(), ANSWERED_AT)).isTrue();
    }

    @Test
    void keepAnswer_withoutAClaim_isRefused() {
        AgentRequest request = opened(TestRequests.browse("/"));

        assertThatThrownBy(() -> requests.keepAnswer(project, agent, request.id(), new AgentRequest.Answer(
                TestRequests.listing("/"), new EventId(1_000_000_001L), ANSWERED_AT), ANSWERED_AT.plus(TTL)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentClaims_ofOneRequest_haveOneWinner() throws Exception {
        AgentRequest request = opened(TestRequests.browse("/"));
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                claims.add(() -> requests.claimAnswer(project, agent, request.id(), ANSWERED_AT));
            }
            long winners = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                winners += claim.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purge_dropsWhatExpiredBeforeTheCutoff_answeredOrNot() {
        AgentRequest unanswered = opened(TestRequests.browse("/"));
        AgentRequest answered = answered(opened(TestRequests.browse("/a")), TestRequests.listing("/a"));

        assertThat(requests.purgeExpiredBefore(T0.plus(TTL))).isZero();
        assertThat(requests.purgeExpiredBefore(T0.plus(TTL).plusNanos(1_000))).isGreaterThanOrEqualTo(1);
        assertThat(requests.find(project, agent, unanswered.id())).isEmpty();
        assertThat(requests.find(project, agent, answered.id())).isPresent();
        requests.purgeExpiredBefore(ANSWERED_AT.plus(TTL).plusSeconds(1));
        assertThat(requests.find(project, agent, answered.id())).isEmpty();
    }

    @Test
    void removeAll_dropsOnlyThatAgentsRequests() {
        AgentRequest mine = opened(TestRequests.browse("/"));
        AgentId other = TestSessions.newAgent();
        AgentRequest theirs = AgentRequest.open(project, other, TestSessions.newRequest(), TestRequests.browse("/"), T0, TTL);
        requests.open(theirs);

        requests.removeAll(project, agent);

        assertThat(requests.find(project, agent, mine.id())).isEmpty();
        assertThat(requests.find(project, other, theirs.id())).contains(theirs);
        assertThat(requests.size()).isGreaterThanOrEqualTo(1);
    }
}
