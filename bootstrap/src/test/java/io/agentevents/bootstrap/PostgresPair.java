package io.agentevents.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and a streaming standby of its own, on free ports, built with Debian's
 * cluster tools (so it needs root, as CI has): {@code pg_createcluster}, {@code pg_basebackup},
 * {@code pg_ctlcluster}. The shared test server is never touched. Closing drops both clusters,
 * whatever state they are in.
 */
final class PostgresPair implements AutoCloseable {

    private static final String STANDBY_NAME = "standby";

    private final String version;
    private final String primary;
    private final String standby;
    final int primaryPort;
    final int standbyPort;
    private final List<String> created = new ArrayList<>();

    private PostgresPair(String version, String suffix, int primaryPort, int standbyPort) {
        this.version = version;
        this.primary = "ae_primary_" + suffix;
        this.standby = "ae_standby_" + suffix;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /**
     * @param synchronous whether the primary waits for the standby's flush before a commit returns
     *                    ({@code synchronous_standby_names})
     */
    static PostgresPair start(boolean synchronous) {
        String version = installedVersion();
        dropLeftovers(version);
        PostgresPair pair = new PostgresPair(version, UUID.randomUUID().toString().substring(0, 8), freePort(), freePort());
        try {
            pair.build(synchronous);
            return pair;
        } catch (RuntimeException | Error failed) {
            pair.close();
            throw failed;
        }
    }

    private void build(boolean synchronous) {
        createCluster(primary, primaryPort);
        writeConf(primary, "listen_addresses = '127.0.0.1'\n"
                + (synchronous ? "synchronous_standby_names = '" + STANDBY_NAME + "'\n" : ""));
        run("pg_ctlcluster", version, primary, "start");

        createCluster(standby, standbyPort);
        Path data = Path.of("/var/lib/postgresql", version, standby);
        run("sh", "-c", "rm -rf " + data + " && install -d -o postgres -g postgres -m 700 " + data);
        run("runuser", "-u", "postgres", "--", "pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort),
                "-U", "postgres", "-D", data.toString(), "-X", "stream", "-c", "fast");
        run("runuser", "-u", "postgres", "--", "touch", data.resolve("standby.signal").toString());
        writeConf(standby, "listen_addresses = '127.0.0.1'\nprimary_conninfo = 'host=127.0.0.1 port=" + primaryPort
                + " user=postgres application_name=" + STANDBY_NAME + "'\n");
        run("pg_ctlcluster", version, standby, "start");
        awaitStreaming(synchronous ? "sync" : "async");
    }

    /** The multi-host URL a node is given: whichever of the two is primary now. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/postgres?user=postgres&targetServerType=primary";
    }

    /** Stops the primary as a crash would: no shutdown checkpoint, connections cut. */
    void killPrimary() {
        run("pg_ctlcluster", version, primary, "stop", "-m", "immediate");
    }

    /** Promotes the standby to primary (returns once it accepts writes). */
    void promoteStandby() {
        run("pg_ctlcluster", version, standby, "promote");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!psql(standbyPort, "select pg_is_in_recovery()").equals("f")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standby is still in recovery 30 s after its promotion");
            }
            pause(20);
        }
    }

    private void awaitStreaming(String syncState) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String expected = STANDBY_NAME + "|streaming|" + syncState;
        String state = "";
        while (!state.equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standby does not stream as " + syncState + " (pg_stat_replication: '" + state + "')");
            }
            pause(50);
            state = psql(primaryPort, "select application_name || '|' || state || '|' || sync_state from pg_stat_replication");
        }
    }

    private void createCluster(String name, int port) {
        run("pg_createcluster", version, name, "-p", Integer.toString(port), "--", "--auth=trust");
        created.add(name);
    }

    private void writeConf(String cluster, String settings) {
        try {
            Files.writeString(Path.of("/etc/postgresql", version, cluster, "conf.d", "pair.conf"), settings);
        } catch (IOException failed) {
            throw new AssertionError("cannot configure cluster " + cluster, failed);
        }
    }

    private static String psql(int port, String sql) {
        return run("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-Atc", sql).trim();
    }

    @Override
    public void close() {
        for (String name : created) {
            try {
                run("pg_dropcluster", "--stop", version, name);
            } catch (AssertionError alreadyGone) {
                System.err.println("could not drop cluster " + name + ": " + alreadyGone.getMessage());
            }
        }
        created.clear();
    }

    /** Clusters of a run that was killed before it could drop them (runs never overlap: surefire runs one class at a time). */
    private static void dropLeftovers(String version) {
        for (String line : run("pg_lsclusters", "--no-header").split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length > 1 && columns[0].equals(version) && columns[1].matches("ae_(primary|standby)_[0-9a-f]{8}")) {
                run("pg_dropcluster", "--stop", version, columns[1]);
            }
        }
    }

    private static String installedVersion() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).sorted().reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("no PostgreSQL under /usr/lib/postgresql"));
        } catch (IOException missing) {
            throw new AssertionError("this test builds its own PostgreSQL clusters and needs Debian's postgresql "
                    + "packages (pg_createcluster) and root; /usr/lib/postgresql is not readable", missing);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new AssertionError("no free port", failed);
        }
    }

    /** Runs a command; its output on success; an error with its output otherwise. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output
                        + (System.getProperty("user.name").equals("root") ? "" : " (this test needs root)"));
            }
            return output;
        } catch (IOException failed) {
            throw new AssertionError("cannot run " + command[0] + " (this test needs Debian's postgresql packages)", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command[0], interrupted);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
