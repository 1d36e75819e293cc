package io.agentevents.domain.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentRequestTest {

    private static final Instant T0 = TestSessions.T0;
    private static final Duration TTL = Duration.ofMinutes(5);
    private final ProjectId project = TestSessions.newProject();
    private final AgentId agent = TestSessions.newAgent();

    private AgentRequest open(RequestedWork work) {
        return AgentRequest.open(project, agent, TestSessions.newRequest(), work, T0, TTL);
    }

    @Test
    void statusAt_isOpenUntilItsTtl_thenExpired() {
        AgentRequest request = open(TestRequests.browse("/"));

        assertThat(request.statusAt(T0)).isEqualTo(AgentRequest.Status.OPEN);
        assertThat(request.statusAt(T0.plus(TTL).minusNanos(1_000))).isEqualTo(AgentRequest.Status.OPEN);
        assertThat(request.statusAt(T0.plus(TTL))).isEqualTo(AgentRequest.Status.EXPIRED);
    }

    @Test
    void anAnswer_isKeptUntilItsOwnTime_thenTheRequestExpires() {
        AgentRequest request = open(TestRequests.browse("/"));
        Instant answeredAt = T0.plusSeconds(290);
        AgentRequest answered = request.withAnswer(new AgentRequest.Answer(TestRequests.listing("/", "a"),
                new EventId(1_000_000_001L), answeredAt), answeredAt.plus(TTL));

        assertThat(answered.statusAt(T0.plus(TTL))).as("kept past the request's own ttl").isEqualTo(AgentRequest.Status.ANSWERED);
        assertThat(answered.statusAt(answeredAt.plus(TTL))).isEqualTo(AgentRequest.Status.EXPIRED);
    }

    @Test
    void requestedEvent_carriesTheWork_underTheRequestsId_withTheTypeOfTheWork() {
        AgentRequest browse = open(TestRequests.browse("/home"));
        assertThat(browse.requestedEvent().request()).isEqualTo(browse.id());
        assertThat(browse.requestedEvent().agent()).contains(agent);
        assertThat(browse.requestedEvent().type()).isEqualTo(EventType.HOST_BROWSE);
        assertThat(open(TestRequests.verify(agent)).requestedEvent().type()).isEqualTo(EventType.VAULT_PASSWORD_VERIFY);
        assertThat(open(TestRequests.enable()).requestedEvent().type()).isEqualTo(EventType.VAULT_ENCRYPTION_ENABLE);
        assertThat(open(TestRequests.change()).requestedEvent().type()).isEqualTo(EventType.VAULT_ENCRYPTION_CHANGE);
        assertThat(EventType.of(browse.requestedEvent())).isEqualTo(EventType.HOST_BROWSE);
    }

    @Test
    void answeredBy_aBrowseListing_logsTheListingWithoutItsItems() {
        AgentRequest request = open(TestRequests.browse("/home"));

        RequestAnswered answered = request.answeredBy(TestRequests.listing("/home", "a", "b"), T0.plusSeconds(1));

        assertThat(answered.type()).isEqualTo(EventType.HOST_BROWSED);
        assertThat(answered.request()).isEqualTo(request.id());
        assertThat(((RequestAnswer.BrowseListing) answered.answer()).items()).isEmpty();
        assertThat(((RequestAnswer.BrowseListing) answered.answer()).path()).isEqualTo("/home");
    }

    @Test
    void answeredBy_refusesASecondAnswer_anotherKind_andAnotherEncryptionAction() {
        AgentRequest browse = open(TestRequests.browse("/"));
        AgentRequest answered = browse.withAnswer(new AgentRequest.Answer(TestRequests.listing("/"), new EventId(1_000_000_001L),
                T0), T0.plus(TTL));

        assertThatThrownBy(() -> answered.answeredBy(TestRequests.listing("/"), T0))
                .isInstanceOf(AnswerRefusedException.class).hasMessageContaining("answered already");
        assertThatThrownBy(() -> browse.answeredBy(new RequestAnswer.PasswordVerification(true), T0))
                .isInstanceOf(AnswerRefusedException.class);
        assertThatThrownBy(() -> open(TestRequests.enable()).answeredBy(
                new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, true), T0))
                .isInstanceOf(AnswerRefusedException.class).hasMessageContaining("enabled, not changed");
        assertThat(open(TestRequests.change()).answeredBy(new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, false), T0)
                .type()).isEqualTo(EventType.VAULT_ENCRYPTION_CHANGED);
    }

    @Test
    void aRequest_cannotHoldAnAnswerOfAnotherKind() {
        assertThatThrownBy(() -> new AgentRequest(project, agent, TestSessions.newRequest(), TestRequests.browse("/"), T0,
                T0.plus(TTL), Optional.of(new AgentRequest.Answer(new RequestAnswer.PasswordVerification(true),
                        new EventId(1_000_000_001L), T0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionReport_encryptsTheVault_onlyWhenAnEnableSucceeded() {
        assertThat(new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true).encryptsVault()).isTrue();
        assertThat(new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, false).encryptsVault()).isFalse();
        assertThat(new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, true).encryptsVault()).isFalse();
    }
}
