package io.agentevents.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends bytes as they are, where an HTTP client library would refuse (broken request lines,
 * bad header names, wrong encodings), one connection per request, and reads the answer to EOF.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    /**
     * Writes {@code request} whole and reads until the server closes (it is asked to).
     *
     * @return the answer; null if the server closed the connection without one
     */
    Answer exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush(); // no half-close: Vert.x takes it for the client leaving and drops a slow answer
            } catch (IOException closedEarly) {
                // the server may answer and close before it has read everything (413, 431)
            }
            byte[] answer = readAll(socket.getInputStream());
            return answer.length == 0 ? null : parse(answer);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                all.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer was sent still leaves the answer readable
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headerEnd < 0) {
            throw new AssertionError("not an HTTP answer: '" + text.substring(0, Math.min(200, text.length())) + "'");
        }
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, text.substring(headerEnd + 4));
    }
}
