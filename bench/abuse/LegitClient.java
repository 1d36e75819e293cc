import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The legitimate side of bench/abuse.sh: from its own source address, signs agents in and reads
 * their statuses at a steady pace, one keep-alive connection each, and prints the latencies.
 *   java LegitClient.java HOST PORT SOURCE_ADDRESS PROJECT USER_TOKEN AGENTS_FILE SECONDS SIGN_INS_PER_S STATUSES_PER_S [WARMUP_S]
 * The warm-up (default 10 s) runs the same requests first, not counted, so neither JIT is cold.
 * AGENTS_FILE: one "agent-id password fingerprint" a line. With FORWARDED_FOR in the environment,
 * every request carries it as X-Forwarded-For, as from behind a proxy.
 */
public final class LegitClient {

    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    private static final String FORWARDED = System.getenv("FORWARDED_FOR") == null || System.getenv("FORWARDED_FOR").isBlank()
            ? "" : "X-Forwarded-For: " + System.getenv("FORWARDED_FOR") + "\r\n";

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String source = args[2];
        String project = args[3];
        String userToken = args[4];
        List<String[]> agents = Files.readAllLines(Path.of(args[5])).stream().filter(line -> !line.isBlank())
                .map(line -> line.trim().split(" ")).toList();
        long nanos = Long.parseLong(args[6]) * 1_000_000_000L;
        int signInsPerSecond = Integer.parseInt(args[7]);
        int statusesPerSecond = Integer.parseInt(args[8]);
        long warmupNanos = (args.length > 9 ? Long.parseLong(args[9]) : 10) * 1_000_000_000L;

        run(host, port, source, project, userToken, agents, warmupNanos, signInsPerSecond, statusesPerSecond,
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        STATUSES.clear();
        List<Long> signIns = Collections.synchronizedList(new ArrayList<>());
        List<Long> statuses = Collections.synchronizedList(new ArrayList<>());
        run(host, port, source, project, userToken, agents, nanos, signInsPerSecond, statusesPerSecond, signIns, statuses);
        System.out.printf("RESULT sign_ins=%d sign_in_p50_ms=%.2f sign_in_p99_ms=%.2f statuses=%d status_p50_ms=%.2f "
                        + "status_p99_ms=%.2f answers=%s%n", signIns.size(), percentile(signIns, 50), percentile(signIns, 99),
                statuses.size(), percentile(statuses, 50), percentile(statuses, 99), new TreeMap<>(STATUSES));
    }

    private static void run(String host, int port, String source, String project, String userToken, List<String[]> agents,
                            long nanos, int signInsPerSecond, int statusesPerSecond, List<Long> signIns,
                            List<Long> statuses) throws InterruptedException {
        Thread signer = new Thread(() -> paced(host, port, source, nanos, signInsPerSecond, signIns, i -> {
            String[] agent = agents.get(i % agents.size());
            String body = "{\"id\":\"" + agent[0] + "\",\"password\":\"" + agent[1] + "\",\"host\":{\"fingerprint\":\""
                    + agent[2] + "\"}}";
            return "POST /v2/" + project + "/agents/tokens HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + FORWARDED + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        }));
        Thread reader = new Thread(() -> paced(host, port, source, nanos, statusesPerSecond, statuses, i -> {
            String agent = agents.get(i % agents.size())[0];
            return "GET /v2/" + project + "/agents/" + agent + "/status HTTP/1.1\r\nHost: " + host + "\r\n" + FORWARDED + "X-Auth-Token: "
                    + userToken + "\r\n\r\n";
        }));
        signer.start();
        reader.start();
        signer.join();
        reader.join();
    }

    interface Request {
        String text(int index);
    }

    /** Sends one request every 1/rate s (never more than one in flight), recording each one's latency. */
    private static void paced(String host, int port, String source, long nanos, int rate, List<Long> latencies,
                              Request request) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Socket socket = null;
        InputStream in = null;
        for (int i = 0; System.nanoTime() - start < nanos; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            long sent = System.nanoTime();
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.bind(new InetSocketAddress(source, 0));
                    socket.connect(new InetSocketAddress(host, port), 5_000);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream());
                }
                OutputStream out = socket.getOutputStream();
                out.write(request.text(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
                int status = readAnswer(in);
                STATUSES.computeIfAbsent(status, ignored -> new AtomicInteger()).incrementAndGet();
            } catch (IOException failed) {
                STATUSES.computeIfAbsent(0, ignored -> new AtomicInteger()).incrementAndGet();
                closeQuietly(socket);
                socket = null;
            }
            // Measured from when it was due, so a stall also delays the ones queued behind it (no coordinated omission).
            latencies.add(System.nanoTime() - Math.min(due, sent));
        }
        closeQuietly(socket);
    }

    /** Reads one HTTP/1.1 answer with a Content-Length body; returns its status. */
    private static int readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("answer cut short");
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    private static double percentile(List<Long> nanos, int percent) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
