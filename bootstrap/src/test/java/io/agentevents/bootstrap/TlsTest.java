package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.TlsFiles;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate, as an operator serves it without a proxy in front. */
class TlsTest {

    private static final String TOKEN = "tls-admin-token";

    @TempDir
    Path directory;
    private final String project = TestSessions.newProject().value();
    private SelfSignedCertificate certificate;
    private AgentEventsApp app;

    @BeforeEach
    void start() {
        certificate = SelfSignedCertificate.create("localhost");
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)))
                .withServer(ServerSettings.defaults().withTls(
                        new TlsFiles(Path.of(certificate.certificatePath()), Path.of(certificate.privateKeyPath()))));
        app = AgentEventsApp.start(config, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
        certificate.delete();
    }

    @Test
    void theApi_isServedOverTls12OrNewer() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(trusting(certificate.certificatePath())).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + app.port() + "/v2/" + project + "/events"))
                .header("X-Auth-Token", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"agent_activate\",\"mode\":\"active\"}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.sslSession()).hasValueSatisfying(
                session -> assertThat(session.getProtocol()).isIn("TLSv1.2", "TLSv1.3"));
        HttpClientForTests https = new HttpClientForTests("localhost", app.port(), trusting(certificate.certificatePath()));
        assertThat(https.get("/v2/" + project + "/events", TOKEN).body()).contains("agent_activate");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificate_cannotConnect() {
        HttpClient client = HttpClient.newBuilder().build();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + app.port() + "/healthz"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void plainHttp_toTheTlsPort_isNotServed() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.port() + "/healthz")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("plain HTTP was answered " + response.statusCode());
        }).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aKeyFileThatIsNotAKey_failsTheStartWithAClearMessage() throws Exception {
        Path notAKey = Files.writeString(directory.resolve("key.pem"), "not a key");
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)))
                .withServer(ServerSettings.defaults().withTls(new TlsFiles(Path.of(certificate.certificatePath()), notAKey)));

        assertThatThrownBy(() -> AgentEventsApp.start(config, Clock.systemUTC()))
                .isInstanceOf(RuntimeException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).isNotBlank());
    }

    private static SSLContext trusting(String certificatePath) throws Exception {
        Certificate trusted;
        try (InputStream in = Files.newInputStream(Path.of(certificatePath))) {
            trusted = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("agent-events", trusted);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
