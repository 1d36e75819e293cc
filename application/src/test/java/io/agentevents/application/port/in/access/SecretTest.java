package io.agentevents.application.port.in.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void sha256_isTheDigestOfTheUtf8Bytes() throws Exception {
        Secret secret = new Secret("tök€n-1");

        assertThat(secret.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest("tök€n-1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sha256_handsOutCopies_soTheKeptDigestCannotBeChanged() {
        Secret secret = new Secret("token");
        byte[] first = secret.sha256();
        byte[] expected = first.clone();

        first[0] ^= 0x7F;

        assertThat(secret.sha256()).isEqualTo(expected).isNotSameAs(first);
    }

    @Test
    void equalByValue_andNeverShown() {
        assertThat(new Secret("a")).isEqualTo(new Secret("a")).hasSameHashCodeAs(new Secret("a"))
                .isNotEqualTo(new Secret("b"));
        assertThat(new Secret("hunter2").toString()).doesNotContain("hunter2");
    }
}
