package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.application.service.InMemoryApplication.ADDRESS;
import static io.agentevents.application.service.InMemoryApplication.FINGERPRINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.port.out.access.WrongPasswordBurst;
import io.agentevents.application.service.access.LegacyPasswordHashes;
import io.agentevents.domain.AgentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sign-ins: passwords kept like tokens, old hashes replaced, wrong ones answered later and later, right ones never refused. */
class SignInServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();

    private AuthenticateAgentCommand signIn(AgentId agent, Secret password, String address) {
        return new AuthenticateAgentCommand(app.project, agent, password, FINGERPRINT, address);
    }

    /** How late the answer to one wrong password is held back. */
    private Duration wrongOnce(AgentId agent, String address) {
        NotAuthenticatedException refused = catchThrowableOfType(NotAuthenticatedException.class,
                () -> awaited(app.authenticateAgent.authenticate(signIn(agent, new Secret("guess"), address))));
        assertThat(refused).as("a wrong password is refused").isNotNull();
        return refused.answerLate();
    }

    private void signsIn(AgentId agent, Secret password, String address) {
        assertThat(awaited(app.authenticateAgent.authenticate(signIn(agent, password, address))).token().value())
                .isNotBlank();
    }

    @Test
    void newPasswords_areStoredAsTheirSha256_neverAsThemselves() {
        AgentRegistration registration = app.register();

        PasswordHash stored = app.registry.passwordHash(app.project, registration.agent().id()).orElseThrow();

        assertThat(stored.encoded()).matches("sha256\\$[0-9a-f]{64}").doesNotContain(registration.password().value());
        signsIn(registration.agent().id(), registration.password(), ADDRESS);
    }

    @Test
    void anOldPbkdf2Hash_stillSignsIn_andIsReplacedByTheFastOne() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        PasswordHash legacy = LegacyPasswordHashes.encode(registration.password(), 1_000);
        assertThat(app.registry.replacePasswordHash(app.project, agent,
                app.registry.passwordHash(app.project, agent).orElseThrow(), legacy)).isTrue();
        wrongOnce(agent, ADDRESS);

        signsIn(agent, registration.password(), ADDRESS);

        PasswordHash now = app.registry.passwordHash(app.project, agent).orElseThrow();
        assertThat(now).isEqualTo(app.hashing.hashPassword(registration.password())).isNotEqualTo(legacy);
        signsIn(agent, registration.password(), ADDRESS);
    }

    @Test
    void anAgentsWrongPasswords_areAnsweredAtOnceThreeTimes_thenLaterAndLater_upToFourSeconds() {
        AgentId agent = app.register().agent().id();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(wrongOnce(agent, "198.51.100." + i)); // other addresses, so only the agent's count grows
        }

        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(250),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4));
    }

    @Test
    void theRightPassword_alwaysSignsIn_whateverWrongOnesCameBefore_fromTheSameAddressOrAnother() {
        AgentRegistration attacked = app.register();
        for (int i = 0; i < 100; i++) {
            wrongOnce(attacked.agent().id(), ADDRESS);
        }

        signsIn(attacked.agent().id(), attacked.password(), ADDRESS);
        signsIn(attacked.agent().id(), attacked.password(), "198.51.100.1");
        AgentRegistration neighbour = app.register();
        signsIn(neighbour.agent().id(), neighbour.password(), ADDRESS);
    }

    @Test
    void onceAnAgentFailed_furtherWrongGuesses_areToldApartWithoutTheStore() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        wrongOnce(agent, ADDRESS);
        long before = app.authenticateAgent.counters().answeredWithoutStoreCount();

        for (int i = 0; i < 10; i++) {
            wrongOnce(agent, ADDRESS);
        }

        assertThat(app.authenticateAgent.counters().answeredWithoutStoreCount() - before).isEqualTo(10);
        assertThat(app.authenticateAgent.counters().wrongCount()).isEqualTo(11);
        assertThat(app.authenticateAgent.counters().answeredLateCount()).isEqualTo(8);
        signsIn(agent, registration.password(), ADDRESS);
    }

    @Test
    void aSuccess_clearsTheAgentsCount() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        for (int i = 0; i < 5; i++) {
            wrongOnce(agent, "198.51.100." + i);
        }
        signsIn(agent, registration.password(), ADDRESS);

        assertThat(wrongOnce(agent, "198.51.100.50")).isZero();
    }

    @Test
    void anAddressGuessingManyAgents_isAnsweredLateAfterTwentyFailures_butItsRightPasswordsSignIn() {
        AgentRegistration registration = app.register();
        String address = "203.0.113.7";
        for (int i = 0; i < 20; i++) {
            assertThat(wrongOnce(new AgentId(UUID.randomUUID()), address)).isZero();
        }

        assertThat(wrongOnce(new AgentId(UUID.randomUUID()), address)).isEqualTo(Duration.ofMillis(250));
        assertThat(wrongOnce(registration.agent().id(), address)).as("the address's delay, not the agent's")
                .isEqualTo(Duration.ofMillis(500));
        signsIn(registration.agent().id(), registration.password(), address);
        assertThat(app.authenticateAgent.counters().wrongCount()).isEqualTo(22);
    }

    @Test
    void aBurst_isToldOnce_notOncePerTry_andAgainOnlyAfterAQuietSpell() {
        AgentId agent = app.register().agent().id();
        for (int i = 0; i < 50; i++) {
            wrongOnce(agent, "198.51.100.9");
        }
        assertThat(app.signInAlarms).containsExactly(
                new WrongPasswordBurst(app.project, Optional.of(agent), "198.51.100.9", 4, Duration.ofMinutes(15)),
                new WrongPasswordBurst(app.project, Optional.empty(), "198.51.100.9", 21, Duration.ofMinutes(15)));

        app.clock.advanceBy(Duration.ofMinutes(14));
        wrongOnce(agent, "198.51.100.9");
        assertThat(app.signInAlarms).as("fourteen minutes is not quiet enough").hasSize(2);

        app.clock.advanceBy(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            wrongOnce(agent, "198.51.100.9");
        }
        assertThat(app.signInAlarms).hasSize(3);
        assertThat(app.authenticateAgent.counters().burstCount()).isEqualTo(3);
    }

    @Test
    void aQuietKey_isForgotten_andIsAnsweredAtOnceAgain() {
        AgentId agent = app.register().agent().id();
        for (int i = 0; i < 6; i++) {
            wrongOnce(agent, "198.51.100." + i);
        }
        assertThat(wrongOnce(agent, "198.51.100.7")).isPositive();

        app.clock.advanceBy(Duration.ofMinutes(16));

        assertThat(wrongOnce(agent, "198.51.100.8")).as("a first failure again").isZero();
    }

    @Test
    void anUnknownAgent_isRefusedLikeAWrongPassword_andIsNotCounted() {
        AgentId nobody = new AgentId(UUID.randomUUID());
        for (int i = 0; i < 10; i++) {
            assertThat(wrongOnce(nobody, "198.51.100." + i)).as("only the address is counted, and each is new").isZero();
        }
    }
}
