package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServersTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    /** Each answer names the thread that served it. */
    private HttpServers listen(int port, int count) {
        return HttpServers.listen(vertx, new HttpServerOptions().setHost("127.0.0.1").setPort(port),
                request -> request.response().end(Thread.currentThread().getName()),
                request -> request.response().setStatusCode(400).end(), count);
    }

    @Test
    void instances_shareOnePort_andServeConnectionsOnTheirOwnEventLoops() throws IOException {
        HttpServers servers = listen(0, 2);
        Set<String> threads = new HashSet<>();

        for (int connection = 0; connection < 4; connection++) {
            threads.add(bodyOfOneRequest(servers.port()));
        }

        assertThat(servers.instances()).isEqualTo(2);
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
        servers.shutdown(1, TimeUnit.SECONDS);
    }

    @Test
    void aPortInUse_failsToListen() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> listen(taken.getLocalPort(), 2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on port " + taken.getLocalPort());
        }
    }

    private static String bodyOfOneRequest(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }
}
