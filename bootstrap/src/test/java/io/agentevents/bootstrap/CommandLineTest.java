package io.agentevents.bootstrap;

import io.agentevents.adapter.keystone.KeystoneSettings;
import io.agentevents.adapter.postgres.settings.PostgresSettings;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.application.service.presence.PresenceEvents;
import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.LogFormat;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.TlsFiles;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @TempDir
    Path directory;

    private static AppConfig parse(Map<String, String> environment, String... args) {
        return CommandLine.parse(List.of(args), environment).orElseThrow();
    }

    @Test
    void noOptions_giveTheDefaults() {
        AppConfig config = parse(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.userTokens()).isEmpty();
        assertThat(config.activationTtl()).isEqualTo(Duration.ofSeconds(75));
        assertThat(config.eventRetention()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void passwordIterations_isGone_sincePasswordsAreHashedLikeTokens() {
        assertThatThrownBy(() -> parse(Map.of(), "--password-iterations", "5000"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown options: '--password-iterations'");
    }

    @Test
    void options_inBothSpellings() {
        AppConfig config = parse(Map.of(), "--port", "9090", "--activation-ttl=500ms", "--event-retention", "1h");

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.activationTtl()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.schedules().active().activationLasts()).contains(Duration.ofMillis(500));
        assertThat(config.eventRetention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void environment_isUsedUnlessTheOptionIsGiven() {
        Map<String, String> environment = Map.of("PORT", "7000", "ACTIVATION_TTL", "3s", "EVENT_RETENTION", "");

        assertThat(parse(environment).port()).isEqualTo(7000);
        assertThat(parse(environment).activationTtl()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parse(environment).eventRetention()).isEqualTo(Duration.ofMinutes(5));
        assertThat(parse(environment, "--port", "7001").port()).isEqualTo(7001);
    }

    @Test
    void requestOptions_haveTheirDefaults_andTakeOptionsAndVariables() {
        AppConfig defaults = parse(Map.of());
        assertThat(defaults.requests().requestTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.requests().browseAnswerLimit()).isEqualTo(4 * 1024 * 1024);
        assertThat(defaults.requests().logfiles()).isEmpty();

        AppConfig given = parse(Map.of("LOGFILE_TEMP_URL_KEY", "secret-key", "BROWSE_ANSWER_LIMIT", "512KiB"),
                "--request-ttl", "2m", "--logfile-container-url", "https://files.example.com/v1/AUTH_1/logs/",
                "--logfile-temp-url-digest", "SHA512", "--logfile-temp-url-ttl", "10m");
        assertThat(given.requests().requestTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(given.requests().browseAnswerLimit()).isEqualTo(512 * 1024);
        var container = given.requests().logfiles().orElseThrow();
        assertThat(container.url()).isEqualTo("https://files.example.com/v1/AUTH_1/logs/");
        assertThat(container.tempUrlKey()).contains("secret-key");
        assertThat(container.digest()).isEqualTo(io.agentevents.adapter.http.wire.LogfileLinks.Digest.SHA512);
        assertThat(container.tempUrlLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(container.toString()).as("the key is a secret").doesNotContain("secret-key");
        assertThat(parse(Map.of(), "--browse-answer-limit", "100000").requests().browseAnswerLimit()).isEqualTo(100_000);
    }

    @Test
    void badRequestOptions_areClearStartUpErrors() {
        assertThatThrownBy(() -> parse(Map.of(), "--request-ttl", "soon")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--request-ttl");
        assertThatThrownBy(() -> parse(Map.of(), "--browse-answer-limit", "1KiB")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("from 64KiB to 64MiB");
        assertThatThrownBy(() -> parse(Map.of(), "--browse-answer-limit", "65MiB")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> parse(Map.of(), "--logfile-container-url", "ftp://x/y")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--logfile-container-url");
        assertThatThrownBy(() -> parse(Map.of(), "--logfile-container-url", "https://x/v1/c", "--logfile-temp-url-digest",
                "md5")).isInstanceOf(ConfigException.class).hasMessageContaining("sha1, sha256 or sha512");
        assertThatThrownBy(() -> parse(Map.of(), "--logfile-temp-url-key", "k")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("give --logfile-container-url too");
    }

    @Test
    void help_givesNoConfiguration() {
        assertThat(CommandLine.parse(List.of("--port", "1", "--help"), Map.of())).isEmpty();
        assertThat(CommandLine.usage()).contains("--port", "--tokens-file", "--activation-ttl", "--event-retention", "--database-url",
                "PORT", "TOKENS_FILE", "ACTIVATION_TTL", "EVENT_RETENTION", "DATABASE_URL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--verbose|unknown option: '--verbose'; see --help",
            "--port|missing required parameter for option '--port'",
            "--port=http|--port must be a number",
            "--port=70000|--port must be a number from 0 to 65535",
            "--activation-ttl=5 minutes|--activation-ttl must be a duration",
            "--activation-ttl=0s|must be longer than zero",
            "--event-retention=-1m|--event-retention must be a duration",
            "--database-url=jdbc:mysql://localhost/test|must be a PostgreSQL JDBC URL"})
    void badOptions_areRejectedWithOneClearMessage(String arg, String message) {
        assertThatThrownBy(() -> CommandLine.parse(List.of(arg), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void database_fromOptionsAndEnvironment_withThePasswordFromTheEnvironmentOnly() {
        AppConfig config = parse(Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/events", "DATABASE_USER", "app",
                "DATABASE_PASSWORD", "s3cret"), "--db-pool-size", "4", "--db-timeout", "2s");

        PostgresSettings database = config.database().orElseThrow();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/events");
        assertThat(database.user()).contains("app");
        assertThat(database.password()).contains("s3cret");
        assertThat(database.poolSize()).isEqualTo(4);
        assertThat(database.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(database.toString()).doesNotContain("s3cret");
        assertThat(parse(Map.of()).database()).isEmpty();
    }

    @Test
    void keystone_fromOptionsAndEnvironment_withThePasswordFromTheEnvironmentOnly() {
        AppConfig config = parse(Map.of("KEYSTONE_URL", "http://keystone:5000/v3/", "KEYSTONE_PASSWORD", "s3cret"),
                "--keystone-user", "agent-events", "--keystone-project", "service", "--token-cache-ttl", "2m",
                "--keystone-timeout", "800ms");

        KeystoneSettings keystone = config.identity().keystone().orElseThrow();
        assertThat(keystone.url()).hasToString("http://keystone:5000/v3");
        assertThat(keystone.user()).isEqualTo("agent-events");
        assertThat(keystone.project()).isEqualTo("service");
        assertThat(keystone.domain()).isEqualTo("Default");
        assertThat(keystone.password()).isEqualTo("s3cret");
        assertThat(keystone.timeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(config.identity().tokenCacheTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(keystone.toString()).doesNotContain("s3cret");
        assertThat(parse(Map.of()).identity().keystone()).isEmpty();
        assertThat(parse(Map.of()).identity().tokenCacheTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void keystone_withoutItsAccount_orItsPassword_orItsUrl_isRejected() {
        assertThatThrownBy(() -> parse(Map.of("KEYSTONE_PASSWORD", "p"), "--keystone-url", "http://k:5000/v3",
                "--keystone-project", "service")).isInstanceOf(ConfigException.class).hasMessageContaining("--keystone-user");
        assertThatThrownBy(() -> parse(Map.of(), "--keystone-url", "http://k:5000/v3", "--keystone-user", "u",
                "--keystone-project", "service")).isInstanceOf(ConfigException.class).hasMessageContaining("KEYSTONE_PASSWORD");
        assertThatThrownBy(() -> parse(Map.of(), "--token-cache-ttl", "30s"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--keystone-url");
        assertThatThrownBy(() -> parse(Map.of("KEYSTONE_PASSWORD", "p"), "--keystone-url", "ftp://k/v3",
                "--keystone-user", "u", "--keystone-project", "p")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http(s)");
    }

    @Test
    void badPoolSize_isRejected() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--database-url", "jdbc:postgresql://db/x", "--db-pool-size", "0"),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("--db-pool-size");
    }

    @Test
    void repeatedOption_isRejected() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--port=1", "--port=2"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("should be specified only once");
    }

    @Test
    void tokensFile_isReadWithCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(directory.resolve("tokens"), """
                # ops team
                tok-admin-0001   p1 admin

                tok-creator-0002 p1 creator
                tok-viewer-0003  p2 OBSERVER
                """);

        List<UserToken> tokens = parse(Map.of(), "--tokens-file", file.toString()).userTokens();

        assertThat(tokens).extracting(UserToken::project).containsExactly(new ProjectId("p1"), new ProjectId("p1"), new ProjectId("p2"));
        assertThat(tokens).extracting(UserToken::role).containsExactly(Role.ADMIN, Role.CREATOR, Role.OBSERVER);
        assertThat(tokens.get(0).tokenHash()).isEqualTo(SecretHashing.hashToken(new Secret("tok-admin-0001")));
    }

    @Test
    void tokensFile_acceptsSha256Hashes_andTheyStandForTheSameToken() throws IOException {
        String hex = SecretHashing.hashToken(new Secret("tok-hashed-0004")).hex();
        Path file = Files.writeString(directory.resolve("tokens"), "sha256:" + hex.toUpperCase() + " p1 admin\n");

        List<UserToken> tokens = parse(Map.of(), "--tokens-file", file.toString()).userTokens();

        assertThat(tokens).containsExactly(new UserToken(new Secret("tok-hashed-0004"), new ProjectId("p1"), Role.ADMIN));
    }

    @Test
    void tokensFile_plainAndHashedFormOfOneToken_areTheSameTokenTwice() throws IOException {
        String hex = SecretHashing.hashToken(new Secret("tok-twice")).hex();
        Path file = Files.writeString(directory.resolve("tokens"), "tok-twice p1 admin\nsha256:" + hex + " p2 admin\n");

        assertThatThrownBy(() -> parse(Map.of(), "--tokens-file", file.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("already");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:abc", "sha256:", "SHA256:zz00000000000000000000000000000000000000000000000000000000000000"})
    void tokensFile_malformedHash_isRejectedWithItsLine(String field) throws IOException {
        Path file = Files.writeString(directory.resolve("tokens"), field + " p1 admin\n");

        assertThatThrownBy(() -> parse(Map.of(), "--tokens-file", file.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 1").hasMessageContaining("64 hex digits");
    }

    @Test
    void serverOptions_defaultToPlainHttpTextLogsAndTheDefaultBudget() {
        ServerSettings server = parse(Map.of()).server();

        assertThat(server.tls()).isEmpty();
        assertThat(server.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(server.rateLimitPerSecond()).isEqualTo(200);
        assertThat(server.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(parse(Map.of("IDLE_TIMEOUT", "2m")).server().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void trustedProxies_areNoneUnlessGiven_byOptionOrVariable() {
        assertThat(parse(Map.of()).server().trustedProxies().isEmpty()).isTrue();
        assertThat(parse(Map.of(), "--trusted-proxies", "10.0.0.0/8, 192.0.2.7").server().trustedProxies())
                .hasToString("10.0.0.0/8,192.0.2.7");
        assertThat(parse(Map.of("TRUSTED_PROXIES", "2001:db8::/32")).server().trustedProxies())
                .hasToString("2001:db8::/32");
    }

    @Test
    void corsOrigins_areNoneUnlessGiven_byOptionOrVariable_asBrowsersWriteThem() {
        assertThat(parse(Map.of()).server().crossOrigins().isEmpty()).isTrue();
        assertThat(parse(Map.of(), "--cors-origins", "https://Panel.Example.com:443/, http://localhost:8081")
                .server().crossOrigins()).hasToString("http://localhost:8081,https://panel.example.com");
        assertThat(parse(Map.of("CORS_ORIGINS", "http://127.0.0.1:80")).server().crossOrigins())
                .hasToString("http://127.0.0.1");
    }

    @Test
    void presenceEvents_areOffUnlessTurnedOn_withATenSecondHoldDown() {
        assertThat(parse(Map.of()).presenceEvents().enabled()).isFalse();
        assertThat(parse(Map.of(), "--presence-events", "on").presenceEvents())
                .isEqualTo(PresenceEvents.on(Duration.ofSeconds(10)));
        assertThat(parse(Map.of("PRESENCE_EVENTS", "on", "PRESENCE_HOLD_DOWN", "2m")).presenceEvents())
                .isEqualTo(PresenceEvents.on(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> parse(Map.of(), "--presence-events", "yes")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--presence-events must be on or off");
        assertThatThrownBy(() -> parse(Map.of(), "--presence-hold-down", "5s")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("give --presence-events on too");
        assertThatThrownBy(() -> parse(Map.of(), "--presence-events", "on", "--presence-hold-down", "2h"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at most 1h");
        assertThatThrownBy(() -> parse(Map.of(), "--presence-events", "on", "--presence-hold-down", "0s"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("longer than zero");
    }

    @Test
    void eventLoops_areOnePerCoreUnlessGiven() {
        assertThat(parse(Map.of()).server().eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(parse(Map.of(), "--event-loops", "1").server().eventLoops()).isEqualTo(1);
        assertThat(parse(Map.of("EVENT_LOOPS", "3")).server().eventLoops()).isEqualTo(3);
    }

    @Test
    void serverOptions_areReadFromOptionsAndEnvironment() throws IOException {
        Path cert = Files.writeString(directory.resolve("cert.pem"), "x");
        Path key = Files.writeString(directory.resolve("key.pem"), "x");

        ServerSettings server = parse(Map.of("TLS_CERT", cert.toString(), "TLS_KEY", key.toString(), "LOG_FORMAT", "json"),
                "--rate-limit", "0").server();

        assertThat(server.tls()).contains(new TlsFiles(cert, key));
        assertThat(server.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(server.rateLimitPerSecond()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--tls-cert|CERT|--tls-cert and --tls-key go together",
            "--tls-key|KEY|--tls-cert and --tls-key go together",
            "--log-format|xml|--log-format must be text or json",
            "--rate-limit|-1|--rate-limit must be a number from 0",
            "--rate-limit|many|--rate-limit must be a number from 0",
            "--idle-timeout|30s|--idle-timeout must be longer than the longest long-poll",
            "--idle-timeout|soon|--idle-timeout",
            "--event-loops|0|--event-loops must be a number from 1 to 256",
            "--event-loops|257|--event-loops must be a number from 1 to 256",
            "--event-loops|two|--event-loops must be a number from 1",
            "--trusted-proxies|10.0.0.0/33|--trusted-proxies: '10.0.0.0/33' is not an IP address or CIDR block",
            "--trusted-proxies|proxy.example.com|--trusted-proxies: 'proxy.example.com' is not an IP address",
            "--cors-origins|*|--cors-origins: '*' is not an origin: list the control panels' origins",
            "--cors-origins|panel.example.com|--cors-origins: 'panel.example.com' is not an origin",
            "--cors-origins|https://panel.example.com/app|--cors-origins: 'https://panel.example.com/app' is not an origin",
            "--cors-origins|ftp://panel.example.com|--cors-origins: 'ftp://panel.example.com' is not an origin",
            "--cors-origins|https://a.example.com,,https://b.example.com|--cors-origins: an empty entry"})
    void badServerOptions_areClearErrors(String option, String value, String message) throws IOException {
        Path file = Files.writeString(directory.resolve("pem"), "x");
        String given = value.equals("CERT") || value.equals("KEY") ? file.toString() : value;

        assertThatThrownBy(() -> parse(Map.of(), option, given))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void unreadableTlsFile_isAClearError() throws IOException {
        Path cert = Files.writeString(directory.resolve("cert.pem"), "x");

        assertThatThrownBy(() -> parse(Map.of(), "--tls-cert", cert.toString(), "--tls-key",
                directory.resolve("absent.pem").toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--tls-key: cannot read");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "secret-token p1|line 1: expected '<token> <project_id> <role>'",
            "secret-token p1 owner|line 1: role must be admin, creator or observer",
            "secret-token bad.project admin|line 1: project_id must be",
            "# nothing but a comment|holds no tokens"})
    void badTokensFile_namesTheLineButNeverTheToken(String content, String message) throws IOException {
        Path file = Files.writeString(directory.resolve("tokens"), content);

        assertThatThrownBy(() -> parse(Map.of(), "--tokens-file", file.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("secret-token"));
    }

    @Test
    void duplicateToken_isRejected() throws IOException {
        Path file = Files.writeString(directory.resolve("tokens"), "same-token p1 admin\nsame-token p2 admin\n");

        assertThatThrownBy(() -> parse(Map.of(), "--tokens-file", file.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("already");
    }

    @Test
    void missingTokensFile_isAClearError() {
        assertThatThrownBy(() -> parse(Map.of(), "--tokens-file", directory.resolve("absent").toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read tokens file");
    }

    @Test
    void durations_formatBackShortly() {
        assertThat(Durations.format(Duration.ofSeconds(75))).isEqualTo("75s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
