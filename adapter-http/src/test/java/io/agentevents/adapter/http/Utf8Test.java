package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.wire.Utf8;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedText_ofEveryLength_isValid() {
        assertThat(Utf8.isValid("{\"name\":\"Web – 東京 \uD83D\uDE80\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isValid(new byte[0])).isTrue();
        assertThat(Utf8.isValid(bytes(0xf4, 0x8f, 0xbf, 0xbf))).as("U+10FFFF").isTrue();
    }

    @Test
    void strayOrMissingBytes_areInvalid() {
        assertThat(Utf8.isValid(bytes('[', '{', '"', 0xff, 'o', 'p', '"'))).isFalse();
        assertThat(Utf8.isValid(bytes(0x80))).isFalse();
        assertThat(Utf8.isValid(bytes(0xc3))).as("cut short").isFalse();
        assertThat(Utf8.isValid(bytes(0xe2, 0x82))).as("cut short").isFalse();
        assertThat(Utf8.isValid(bytes(0xc3, 'o'))).as("no continuation").isFalse();
    }

    @Test
    void overlongForms_encodedSurrogates_andPastTheLastCodePoint_areInvalid() {
        assertThat(Utf8.isValid(bytes(0xc0, 0x80))).as("overlong NUL").isFalse();
        assertThat(Utf8.isValid(bytes(0xe0, 0x80, 0xaf))).as("overlong slash").isFalse();
        assertThat(Utf8.isValid(bytes(0xed, 0xa0, 0x80))).as("U+D800").isFalse();
        assertThat(Utf8.isValid(bytes(0xf4, 0x90, 0x80, 0x80))).as("U+110000").isFalse();
        assertThat(Utf8.isValid(bytes(0xf8, 0x88, 0x80, 0x80, 0x80))).isFalse();
    }
}
