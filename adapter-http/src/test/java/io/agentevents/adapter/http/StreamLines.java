package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An event stream as a reader sees it: its lines as they come, read on a thread of their own. */
public final class StreamLines {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private StreamLines() {
    }

    /**
     * Opens {@code GET /v2/{project}/events/stream} on 127.0.0.1 and checks the answer's head.
     *
     * @param headers more headers, name then value
     */
    public static StreamLines open(int port, String project, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/" + project
                + "/events/stream")).header("X-Auth-Token", token);
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        StreamLines stream = new StreamLines();
        Thread reading = new Thread(() -> {
            try {
                response.body().forEach(stream.lines::add);
            } catch (UncheckedIOException ended) {
                // the server went away (the test's end, or a stream it cut): no more lines
            }
        });
        reading.setDaemon(true);
        reading.start();
        return stream;
    }

    /** The next line, waiting up to 10 s for it. */
    public String next() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a line within 10 s").isNotNull();
        return line;
    }

    /** The next message's lines, comments skipped. */
    public List<String> nextMessage() throws InterruptedException {
        List<String> message = new ArrayList<>();
        while (true) {
            String line = next();
            if (line.isEmpty()) {
                if (!message.isEmpty()) {
                    return message;
                }
            } else if (!line.startsWith(":")) {
                message.add(line);
            }
        }
    }

    /** The ids of the next {@code count} messages. */
    public List<String> nextIds(int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            nextMessage().stream().filter(line -> line.startsWith("id: ")).findFirst()
                    .ifPresent(line -> ids.add(line.substring("id: ".length())));
        }
        return ids;
    }

    /** The lines that have come and not been taken. */
    public List<String> rest() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }
}
