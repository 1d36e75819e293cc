package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.feed.StreamProjectEventsQuery;
import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/{p}/events/stream} as a reader sees it: the messages, the marker, keep-alives, limits and endings. */
class EventStreamTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.000008Z");
    private static final RequestId REQUEST = TestSessions.newRequest();

    private final List<StreamProjectEventsQuery> opened = new ArrayList<>();
    private final BlockingQueue<StreamProjectEventsUseCase.Reader> readers = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private void serve(ApiOptions options) {
        api = new TestApi(options);
        api.streamProjectEvents = (query, reader) -> {
            synchronized (opened) {
                opened.add(query);
            }
            readers.add(reader);
            return CompletableFuture.completedFuture(closed::countDown);
        };
    }

    private static StoredEvent activation(long id) {
        return new StoredEvent(new EventId(id), new AgentActivated(TestSessions.projectActivation(Mode.ACTIVE, AT)), REQUEST);
    }

    private StreamLines open(String... headers) throws Exception {
        return StreamLines.open(api.port(), "p1", TestApi.TOKEN, headers);
    }

    @Test
    void eachEvent_isAMessageWhoseIdIsTheEventId_andWhoseDataIsTheEventAsTheLogShowsIt() throws Exception {
        serve(ApiOptions.defaults());
        StreamLines lines = open("Last-Event-ID", "5650135582");
        StreamProjectEventsUseCase.Reader reader = readers.poll(10, TimeUnit.SECONDS);

        reader.events(List.of(activation(5650135583L), activation(5650135584L)));
        List<String> first = lines.nextMessage();
        List<String> second = lines.nextMessage();

        assertThat(opened).singleElement().satisfies(query -> {
            assertThat(query.project().value()).isEqualTo("p1");
            assertThat(query.after()).contains(new EventId(5650135582L));
        });
        assertThat(first).hasSize(2).first().isEqualTo("id: 5650135583");
        assertThat(api.codec.readTree(first.get(1).substring("data: ".length())).get("event").asText())
                .isEqualTo("agent_activate");
        assertThat(api.codec.readTree(first.get(1).substring("data: ".length())).get("id").asText())
                .isEqualTo("5650135583");
        assertThat(second.get(0)).isEqualTo("id: 5650135584");
    }

    @Test
    void aQuietStream_sendsCommentsToKeepProxiesFromClosingIt() throws Exception {
        serve(ApiOptions.defaults().withStreamKeepAlive(Duration.ofMillis(50)));
        StreamLines lines = open("Last-Event-ID", "5650135582");

        List<String> seen = new ArrayList<>();
        while (seen.stream().filter(line -> line.equals(":")).count() < 3) {
            seen.add(lines.next());
        }

        assertThat(seen).allMatch(line -> line.isEmpty() || line.startsWith(":"));
    }

    @Test
    void theMarkerComesFromLastEventIdOrTheQuery_andABadOneIs400() throws Exception {
        serve(ApiOptions.defaults());
        open();
        HttpResponse<InputStream> byQuery = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                        + "/v2/p1/events/stream?marker=5650135590")).header("X-Auth-Token", TestApi.TOKEN).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(readers.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(readers.poll(10, TimeUnit.SECONDS)).isNotNull();
        synchronized (opened) {
            assertThat(opened).extracting(StreamProjectEventsQuery::after)
                    .containsExactly(Optional.empty(), Optional.of(new EventId(5650135590L)));
        }
        assertError(api.authorized("GET", "/v2/p1/events/stream", null, "Last-Event-ID", "soon"), 400,
                "Last-Event-ID must be an event id");
        assertError(api.authorized("GET", "/v2/p1/events/stream?marker=5650135590", null, "Last-Event-ID", "5650135591"),
                400, "name different events");
        assertError(api.send("GET", "/v2/p1/events/stream", null), 401, "");
        byQuery.body().close();
    }

    @Test
    void aTokensStreamsAndLongPolls_areBounded() throws Exception {
        serve(ApiOptions.defaults());
        for (int i = 0; i < 4; i++) {
            open();
        }

        assertError(api.authorized("GET", "/v2/p1/events/stream", null), 429, "at most 4");
    }

    @Test
    void aReaderThatLeaves_closesItsStream() throws Exception {
        serve(ApiOptions.defaults());
        try (Socket socket = rawStream(64 * 1024)) {
            assertThat(readers.poll(10, TimeUnit.SECONDS)).isNotNull();
            readHead(socket.getInputStream());
        }

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReaderThatFallsBehind_isCutOff_withoutTheNodeHoldingMoreForIt() throws Exception {
        serve(ApiOptions.defaults());
        try (Socket socket = rawStream(4096)) {
            StreamProjectEventsUseCase.Reader reader = readers.poll(10, TimeUnit.SECONDS);
            // Far more than the socket buffers and the node's bound together hold; the reader reads nothing.
            long id = 5_650_135_583L;
            for (int batch = 0; batch < 100 && closed.getCount() > 0; batch++) {
                List<StoredEvent> events = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    events.add(activation(id++));
                }
                reader.events(events);
                Thread.sleep(5); // lets the event loop write between batches, as a store's reads would
            }

            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the stream was closed on the node's side").isTrue();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read += n;
                }
            } catch (IOException reset) {
                // a connection cut with bytes unread may end in a reset rather than an end of stream
            }
            assertThat(read).as("what reached the reader before the cut").isLessThan(100_000L * 250);
        }
    }

    @Test
    void aStreamTheNodeEnds_endsTheAnswer() throws Exception {
        serve(ApiOptions.defaults());
        StreamLines lines = open();
        StreamProjectEventsUseCase.Reader reader = readers.poll(10, TimeUnit.SECONDS);

        reader.ended(new StoreUnavailableException("database unreachable", new IOException("refused")));

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lines.rest()).allMatch(line -> line.isEmpty() || line.startsWith(":"));
    }

    /** A stream read through a bare socket whose receive buffer is {@code receiveBuffer} bytes. */
    private Socket rawStream(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v2/p1/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + TestApi.TOKEN
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertThat(c).as("the answer's head").isNotNegative();
            head.append((char) c);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
    }
}
