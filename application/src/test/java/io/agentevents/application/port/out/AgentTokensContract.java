package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link AgentTokens}. */
public abstract class AgentTokensContract {

    private AgentTokens tokens;
    private ProjectId project;
    private AgentId agent;

    protected abstract AgentTokens agentTokens();

    @BeforeEach
    void setUpTokens() {
        tokens = agentTokens();
        project = newProject();
        agent = newAgent();
    }

    private static TokenHash newHash() {
        byte[] bytes = new byte[32];
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a.getMostSignificantBits() >>> (8 * i));
            bytes[8 + i] = (byte) (a.getLeastSignificantBits() >>> (8 * i));
            bytes[16 + i] = (byte) (b.getMostSignificantBits() >>> (8 * i));
            bytes[24 + i] = (byte) (b.getLeastSignificantBits() >>> (8 * i));
        }
        return new TokenHash(HexFormat.of().formatHex(bytes));
    }

    @Test
    void save_thenFind_givesTheGrantBack_expiredOrNot() {
        TokenHash token = newHash();
        AgentTokens.AgentGrant grant = new AgentTokens.AgentGrant(project, agent, T0);

        tokens.save(token, grant);

        assertThat(tokens.find(token)).contains(grant);
        assertThat(tokens.find(newHash())).isEmpty();
    }

    @Test
    void revokeAll_dropsEveryTokenOfThatAgentOnly() {
        TokenHash first = newHash();
        TokenHash second = newHash();
        TokenHash others = newHash();
        tokens.save(first, new AgentTokens.AgentGrant(project, agent, T0.plusSeconds(60)));
        tokens.save(second, new AgentTokens.AgentGrant(project, agent, T0.plusSeconds(60)));
        tokens.save(others, new AgentTokens.AgentGrant(project, newAgent(), T0.plusSeconds(60)));

        tokens.revokeAll(project, agent);

        assertThat(tokens.find(first)).isEmpty();
        assertThat(tokens.find(second)).isEmpty();
        assertThat(tokens.find(others)).isPresent();
    }

    @Test
    void purgeExpired_dropsTokensExpiredAtOrBeforeNow() {
        TokenHash expired = newHash();
        TokenHash expiringNow = newHash();
        TokenHash valid = newHash();
        tokens.save(expired, new AgentTokens.AgentGrant(project, agent, T0.minusSeconds(1)));
        tokens.save(expiringNow, new AgentTokens.AgentGrant(project, agent, T0));
        tokens.save(valid, new AgentTokens.AgentGrant(project, agent, T0.plusSeconds(1)));

        assertThat(tokens.purgeExpired(T0)).isGreaterThanOrEqualTo(2);

        assertThat(tokens.find(expired)).isEmpty();
        assertThat(tokens.find(expiringNow)).isEmpty();
        assertThat(tokens.find(valid)).isPresent();
    }
}
