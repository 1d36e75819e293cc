package io.agentevents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "110011", "my_project-1", "A-Z_a-z_0-9"})
    void projectId_ofAllowedCharacters_isAccepted(String value) {
        assertThat(new ProjectId(value).value()).isEqualTo(value);
    }

    @Test
    void projectId_ofSixtyFourCharacters_isAccepted() {
        assertThat(new ProjectId("x".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "dot.ted", "slash/ed", "ünïcode", "semi;colon"})
    void projectId_ofForbiddenShape_isRejectedNamingTheField(String value) {
        assertThatThrownBy(() -> new ProjectId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project_id");
    }

    @Test
    void projectId_ofSixtyFiveCharacters_isRejected() {
        assertThatThrownBy(() -> new ProjectId("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agentId_parse_roundTripsTheCanonicalForm() {
        UUID uuid = UUID.randomUUID();
        assertThat(AgentId.parse(uuid.toString())).isEqualTo(new AgentId(uuid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "1-1-1-1-1", "8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a4", "8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a41x"})
    void agentId_parse_ofMalformedText_isRejected(String text) {
        assertThatThrownBy(() -> AgentId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent id");
    }
}
