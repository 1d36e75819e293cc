package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.application.service.InMemoryApplication.ADDRESS;
import static io.agentevents.application.service.InMemoryApplication.FINGERPRINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.SignInThrottledException;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.service.access.LegacyPasswordHashes;
import io.agentevents.domain.AgentId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sign-ins: passwords kept like tokens, old hashes replaced, failures throttled. */
class SignInServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();

    private AuthenticateAgentCommand signIn(AgentId agent, Secret password, String address) {
        return new AuthenticateAgentCommand(app.project, agent, password, FINGERPRINT, address);
    }

    private void failOnce(AgentId agent, String address) {
        assertThatThrownBy(() -> awaited(app.authenticateAgent.authenticate(signIn(agent, new Secret("guess"), address))))
                .isInstanceOf(NotAuthenticatedException.class);
    }

    private long retryAfterOf(AuthenticateAgentCommand command) {
        try {
            awaited(app.authenticateAgent.authenticate(command));
        } catch (SignInThrottledException throttled) {
            return throttled.retryAfterSeconds();
        }
        throw new AssertionError("expected the sign-in to be throttled");
    }

    @Test
    void newPasswords_areStoredAsTheirSha256_neverAsThemselves() {
        AgentRegistration registration = app.register();

        PasswordHash stored = app.registry.passwordHash(app.project, registration.agent().id()).orElseThrow();

        assertThat(stored.encoded()).matches("sha256\\$[0-9a-f]{64}").doesNotContain(registration.password().value());
        assertThat(awaited(app.authenticateAgent.authenticate(signIn(registration.agent().id(), registration.password(), ADDRESS)))
                .token().value()).isNotBlank();
    }

    @Test
    void anOldPbkdf2Hash_stillSignsIn_andIsReplacedByTheFastOne() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        PasswordHash legacy = LegacyPasswordHashes.encode(registration.password(), 1_000);
        assertThat(app.registry.replacePasswordHash(app.project, agent,
                app.registry.passwordHash(app.project, agent).orElseThrow(), legacy)).isTrue();
        failOnce(agent, ADDRESS);

        awaited(app.authenticateAgent.authenticate(signIn(agent, registration.password(), ADDRESS)));

        PasswordHash now = app.registry.passwordHash(app.project, agent).orElseThrow();
        assertThat(now).isEqualTo(app.hashing.hashPassword(registration.password())).isNotEqualTo(legacy);
        assertThat(awaited(app.authenticateAgent.authenticate(signIn(agent, registration.password(), ADDRESS))).token().value())
                .as("the replaced hash verifies").isNotBlank();
    }

    @Test
    void afterFiveFailures_theAgentWaits_andEachFurtherFailureDoublesTheWait() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        for (int i = 0; i < 5; i++) {
            failOnce(agent, "198.51.100." + i); // other addresses, so only the agent's count grows
        }
        failOnce(agent, "198.51.100.5");
        assertThat(retryAfterOf(signIn(agent, new Secret("guess"), "198.51.100.6"))).isEqualTo(1);

        app.clock.advanceBy(Duration.ofSeconds(1));
        failOnce(agent, "198.51.100.7");
        assertThat(retryAfterOf(signIn(agent, new Secret("guess"), "198.51.100.8"))).isEqualTo(2);

        app.clock.advanceBy(Duration.ofSeconds(2));
        failOnce(agent, "198.51.100.9");
        assertThat(retryAfterOf(signIn(agent, registration.password(), "198.51.100.10")))
                .as("the right password waits too, so guessing during the wait gains nothing").isEqualTo(4);
    }

    @Test
    void aSuccess_clearsTheAgentsCount() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        for (int i = 0; i < 5; i++) {
            failOnce(agent, ADDRESS);
        }
        awaited(app.authenticateAgent.authenticate(signIn(agent, registration.password(), ADDRESS)));

        for (int i = 0; i < 5; i++) {
            failOnce(agent, "198.51.100." + i);
        }
        failOnce(agent, "198.51.100.99");
        assertThat(retryAfterOf(signIn(agent, registration.password(), ADDRESS))).isEqualTo(1);
    }

    @Test
    void aThrottledAgent_neverHoldsUpAnotherAgent() {
        AgentRegistration attacked = app.register();
        AgentRegistration other = app.register();
        for (int i = 0; i < 6; i++) {
            failOnce(attacked.agent().id(), "198.51.100." + i);
        }
        assertThat(retryAfterOf(signIn(attacked.agent().id(), attacked.password(), ADDRESS))).isPositive();

        assertThat(awaited(app.authenticateAgent.authenticate(signIn(other.agent().id(), other.password(), ADDRESS))).token().value())
                .isNotBlank();
    }

    @Test
    void anAddressGuessingManyAgents_waitsAfterTwentyFailures_whateverTheAgent() {
        AgentRegistration registration = app.register();
        for (int i = 0; i < 21; i++) {
            failOnce(new AgentId(java.util.UUID.randomUUID()), "203.0.113.7");
        }

        assertThat(retryAfterOf(signIn(registration.agent().id(), registration.password(), "203.0.113.7"))).isEqualTo(1);
        assertThat(awaited(app.authenticateAgent.authenticate(signIn(registration.agent().id(), registration.password(), ADDRESS)))
                .token().value()).as("from another address").isNotBlank();
    }

    @Test
    void theWaitRunsOut_andAQuietKeyIsForgotten() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        for (int i = 0; i < 6; i++) {
            failOnce(agent, "198.51.100." + i);
        }
        app.clock.advanceBy(Duration.ofMinutes(16));

        failOnce(agent, ADDRESS);
        assertThat(awaited(app.authenticateAgent.authenticate(signIn(agent, registration.password(), ADDRESS))).token().value())
                .as("one failure after a quiet spell is a first failure again").isNotBlank();
    }
}
