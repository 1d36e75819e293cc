package io.agentevents.adapter.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AgentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogfileLinksTest {

    /** The body Swift's TempURL documentation signs, with the expiry of its example URL. */
    private static final String SWIFT_EXAMPLE = "GET\n1323479485\n/v1/AUTH_account/container/object";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_323_475_885L), ZoneOffset.UTC);
    private final AgentId agent = new AgentId(UUID.fromString("8f135b4f-7a69-4b8a-947f-5e80d772fd97"));
    private final Instant date = Instant.parse("2014-09-23T12:22:40.606703Z");

    private static LogfileLinks signing(LogfileLinks.Digest digest) {
        return LogfileLinks.of("https://swift.example.com/v1/AUTH_account/container", Optional.of("mykey"), digest,
                Duration.ofHours(1), CLOCK);
    }

    /** The expected values were computed with Python's hmac and hashlib, as the Swift documentation shows. */
    @Test
    void signatures_areWhatSwiftsOwnRecipeGives_forEveryDigest() {
        assertThat(signing(LogfileLinks.Digest.SHA1).signature(SWIFT_EXAMPLE))
                .isEqualTo("d9fc2067e52b06598421664cf6610bfc8fc431f6");
        assertThat(signing(LogfileLinks.Digest.SHA256).signature(SWIFT_EXAMPLE))
                .isEqualTo("05cb4ea08a08f2fdaef35d0f344975370077835c23bdc9342099ecbf03bc0378");
        assertThat(signing(LogfileLinks.Digest.SHA512).signature(SWIFT_EXAMPLE)).isEqualTo(
                "sha512:zZD1u2V0ZLDxhhrRPFrYzGf1H0yIHc6Qv8kAhpMcy4mguNI8bP99Sv4C2HOwA1OF0wJUl7vX8Mo11hv5k223fQ==");
    }

    @Test
    void theLogfileLink_isTheReferencesObjectName_inTheContainer() {
        LogfileLinks links = LogfileLinks.of("https://files.example.com/v1/MossoCloudFS_f14d/CloudBackupLogs/v2/",
                Optional.empty(), LogfileLinks.Digest.SHA256, Duration.ofHours(1), CLOCK);

        assertThat(links.logfile(agent, date)).contains("https://files.example.com/v1/MossoCloudFS_f14d/CloudBackupLogs/v2/"
                + "8f135b4f-7a69-4b8a-947f-5e80d772fd97/2014-09-23T12-22-40.606703Z.gz");
        assertThat(links.tempUrl(agent, date)).as("no key, no TempURL").isEmpty();
        assertThat(LogfileLinks.none().logfile(agent, date)).isEmpty();
    }

    @Test
    void theTempUrl_signsTheObjectsPath_untilItsLifetimeFromNow() {
        LogfileLinks links = signing(LogfileLinks.Digest.SHA256);
        String object = "/v1/AUTH_account/container/8f135b4f-7a69-4b8a-947f-5e80d772fd97/2014-09-23T12-22-40.606703Z.gz";

        assertThat(links.tempUrl(agent, date)).contains("https://swift.example.com" + object + "?temp_url_sig="
                + links.signature("GET\n1323479485\n" + object) + "&temp_url_expires=1323479485");
        assertThat(signing(LogfileLinks.Digest.SHA512).tempUrl(agent, date).orElseThrow())
                .as("the base64 signature is escaped in the query").contains("temp_url_sig=sha512%3A").doesNotContain("==&");
    }

    @Test
    void aContainerThatIsNoUrl_orAnEmptyKey_isRefused() {
        assertThatThrownBy(() -> LogfileLinks.of("ftp://x/v1/c", Optional.empty(), LogfileLinks.Digest.SHA1, Duration.ofHours(1),
                CLOCK)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> LogfileLinks.of("https://x", Optional.empty(), LogfileLinks.Digest.SHA1, Duration.ofHours(1),
                CLOCK)).hasMessageContaining("a path");
        assertThatThrownBy(() -> LogfileLinks.of("https://x/v1/c?x=1", Optional.empty(), LogfileLinks.Digest.SHA1,
                Duration.ofHours(1), CLOCK)).hasMessageContaining("no query");
        assertThatThrownBy(() -> LogfileLinks.of("https://x/v1/c", Optional.of(""), LogfileLinks.Digest.SHA1,
                Duration.ofHours(1), CLOCK)).hasMessageContaining("empty");
        assertThatThrownBy(() -> LogfileLinks.Digest.of("md5")).hasMessageContaining("sha1, sha256 or sha512");
        assertThat(signing(LogfileLinks.Digest.SHA1).toString()).doesNotContain("mykey");
    }
}
