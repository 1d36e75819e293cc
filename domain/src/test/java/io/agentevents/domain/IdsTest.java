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
    @ValueSource(strings = {"", "with space", "dot.ted", "slash/ed", "ünïcode", "semi;colon", "tab\there", "at@", "ｆｕｌｌ"})
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

    @Test
    void agentId_parse_acceptsUpperCaseHex() {
        assertThat(AgentId.parse("8C6EC1A5-0DD3-4B36-A3E7-6F8F5C2E8A41"))
                .isEqualTo(AgentId.parse("8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a41"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "1-1-1-1-1", "8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a4",
            "8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a41x", "8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a4g",
            "8c6ec1a5x0dd3-4b36-a3e7-6f8f5c2e8a41", "8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a4١",
            "+c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a41", "8c6ec1a50dd34b36a3e76f8f5c2e8a41----"})
    void agentId_parse_ofMalformedText_isRejected(String text) {
        assertThatThrownBy(() -> AgentId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent id");
    }
}
