package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hundreds of clients that send half a request and stall do not keep others from being served. */
class SlowClientsTest {

    private static final String TOKEN = "slow-clients-admin";
    private static final int STALLED = 400;

    private final String project = TestSessions.newProject().value();
    private final List<Socket> stalled = new ArrayList<>();
    private AgentEventsApp app;

    @BeforeEach
    void start() {
        app = AgentEventsApp.start(AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project),
                Role.ADMIN))), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        for (Socket socket : stalled) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        app.close();
    }

    @Test
    void aSilentConnection_isClosedAfterTheIdleTimeout() throws Exception {
        try (AgentEventsApp quick = AgentEventsApp.start(AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN),
                new ProjectId(project), Role.ADMIN))).withServer(ServerSettings.defaults()
                .withIdleTimeout(Duration.ofMillis(500))), Clock.systemUTC());
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), quick.port())) {
            silent.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x".getBytes(StandardCharsets.US_ASCII));
            silent.setSoTimeout(10_000);
            long started = System.nanoTime();

            int read = silent.getInputStream().read();

            assertThat(read).as("the server closed the stalled connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void halfSentRequests_doNotStarveNormalOnes() throws Exception {
        String path = "/v2/" + project + "/events";
        for (int i = 0; i < STALLED; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port());
            stalled.add(socket);
            OutputStream out = socket.getOutputStream();
            String half = i % 2 == 0
                    ? "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TOKEN + "\r\nContent-Le"
                    : "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"event\":\"agent_";
            out.write(half.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        HttpClientForTests http = new HttpClientForTests(app.port());
        for (int i = 0; i < 100; i++) {
            assertThat(http.get("/healthz", null).statusCode()).isEqualTo(200);
            assertThat(http.get(path, TOKEN).statusCode()).isEqualTo(200);
        }
        assertThat(http.post(path, TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"active\"}").statusCode()).isEqualTo(202);
        assertThat(http.get(path, TOKEN).body()).as("only the whole request was carried out")
                .contains("agent_activate").doesNotContain("agent_\"");
        long open = stalled.stream().filter(socket -> !socket.isClosed()).count();
        assertThat(open).as("the stalled clients are still connected, not dropped wholesale").isEqualTo(STALLED);
    }
}
