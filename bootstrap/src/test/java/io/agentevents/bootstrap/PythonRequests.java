package io.agentevents.bootstrap;

import io.agentevents.adapter.http.DocumentedAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a request byte for byte as the Python {@code requests} library (what the official SDK
 * uses) writes it: its default headers first, then the caller's in their order, a
 * {@code Content-Length} for any body (and {@code 0} for a body-less request other than GET),
 * on a keep-alive connection. Each answer is held to the OpenAPI document as well.
 */
final class PythonRequests {

    private final int port;

    PythonRequests(int port) {
        this.port = port;
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /** @param headers the headers the SDK sets, in its order */
    Answer send(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port);
        all.put("User-Agent", "python-requests/2.28.1");
        all.put("Accept-Encoding", "gzip, deflate");
        all.put("Accept", "*/*");
        all.put("Connection", "keep-alive");
        all.putAll(headers);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null || !method.equals("GET")) {
            all.put("Content-Length", Integer.toString(content.length));
        }
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            Answer answer = read(socket.getInputStream());
            int query = path.indexOf('?');
            DocumentedAnswers.check(method, query < 0 ? path : path.substring(0, query), answer.status(), answer.headers(),
                    answer.body());
            return answer;
        } catch (IOException failed) {
            throw new AssertionError(method + " " + path + " failed", failed);
        }
    }

    /** One answer, framed by its Content-Length (the connection stays open, as with keep-alive). */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the answer's headers ended");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).trim().split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length").get(0)) : 0;
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
}
