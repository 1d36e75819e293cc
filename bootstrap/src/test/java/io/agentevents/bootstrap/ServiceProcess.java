package io.agentevents.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Main} in a process of its own, as an operator starts it; the environment is cleaned of our variables. */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("on port (\\d+)");
    private static final Pattern DEMO_TOKEN = Pattern.compile("-H 'X-Auth-Token: ([^']+)'");
    private static final List<String> OUR_VARIABLES = List.of("PORT", "TOKENS_FILE", "ACTIVATION_TTL", "EVENT_RETENTION",
            "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DB_POOL_SIZE", "DB_TIMEOUT", "PASSWORD_ITERATIONS",
            "TLS_CERT", "TLS_KEY", "RATE_LIMIT", "LOG_FORMAT", "METRICS", "IDLE_TIMEOUT", "REQUEST_TTL",
            "BROWSE_ANSWER_LIMIT", "LOGFILE_CONTAINER_URL", "LOGFILE_TEMP_URL_KEY", "LOGFILE_TEMP_URL_DIGEST",
            "LOGFILE_TEMP_URL_TTL", "TRUSTED_PROXIES", "CORS_ORIGINS");

    private final Process process;
    private final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int port = -1;
    private Thread drain;
    private String demoToken;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    /** Starts the process; it may exit at once (bad options). */
    static ServiceProcess launch(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(OUR_VARIABLES::contains);
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start());
    }

    /** Starts another build's runnable jar (an earlier release), as an operator starts it. */
    static ServiceProcess launchJar(Path jar, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(OUR_VARIABLES::contains);
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start());
    }

    /** Asks the service to stop as an operator does (SIGTERM) and waits for its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Reads the output until the service says where it listens (and, without tokens file, its demo token). */
    ServiceProcess awaitListening(boolean expectDemoToken) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            output.add(line);
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                port = Integer.parseInt(listening.group(1));
            }
            Matcher token = DEMO_TOKEN.matcher(line);
            if (token.find()) {
                demoToken = token.group(1);
            }
            if (port > 0 && (!expectDemoToken || demoToken != null)) {
                drain = drain(out, output);
                return this;
            }
        }
        throw new AssertionError("the service exited before listening: " + stderr());
    }

    /** Keeps reading the output so the process never blocks on a full pipe. */
    private static Thread drain(BufferedReader out, List<String> output) {
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.add(line);
                }
            } catch (IOException closed) {
                // process gone
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Every line the process wrote, once it has exited and its output is read to the end. */
    List<String> outputAfterExit() throws InterruptedException {
        awaitExit();
        if (drain != null) {
            drain.join(TimeUnit.SECONDS.toMillis(10));
        }
        return output();
    }

    /** The lines the process wrote on stdout so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    int port() {
        return port;
    }

    String demoToken() {
        return demoToken;
    }

    Process process() {
        return process;
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not exit");
        }
        return process.exitValue();
    }

    String stderr() throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    String stdout() throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
