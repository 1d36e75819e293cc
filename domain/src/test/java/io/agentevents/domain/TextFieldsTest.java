package io.agentevents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextFieldsTest {

    @Test
    void requireText_ordinaryText_isKept() {
        assertThat(TextFields.requireText("Web Server – 東京 \uD83D\uDE80", "name")).isEqualTo("Web Server – 東京 \uD83D\uDE80");
    }

    @Test
    void requireText_blankOrMissing_namesTheField() {
        assertThatThrownBy(() -> TextFields.requireText("  ", "host.os.name")).hasMessage("host.os.name must be a non-empty string");
        assertThatThrownBy(() -> TextFields.requireText(null, "name")).hasMessage("name must be a non-empty string");
    }

    @Test
    void requireText_tooLong_namesTheLimit() {
        assertThatThrownBy(() -> TextFields.requireText("x".repeat(256), "version"))
                .hasMessage("version must be at most 255 characters");
        assertThat(TextFields.requireText("x".repeat(255), "version")).hasSize(255);
    }

    @Test
    void requireText_withNul_isRefused() {
        assertThatThrownBy(() -> TextFields.requireText("web\u0000server", "name"))
                .hasMessage("name must not contain the NUL character");
    }

    @Test
    void requireText_withUnpairedSurrogates_isRefused() {
        assertThatThrownBy(() -> TextFields.requireText("a\uD800", "host.fingerprint"))
                .hasMessageStartingWith("host.fingerprint must be valid Unicode text");
        assertThatThrownBy(() -> TextFields.requireText("\uDC00a", "name")).hasMessageStartingWith("name must be valid Unicode text");
        assertThatThrownBy(() -> TextFields.requireText("\uDE80\uD83D", "name")).hasMessageStartingWith("name must be valid Unicode text");
    }
}
