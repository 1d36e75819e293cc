package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code main} as a real process: exit codes, help, the demo token and a clean stop on SIGTERM. */
class MainProcessTest {

    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> List.of("PORT", "TOKENS_FILE", "ACTIVATION_TTL",
                "EVENT_RETENTION", "DATABASE_URL").contains(name));
        return builder.start();
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void unknownOption_printsOneLineAndExitsWith2() throws Exception {
        Process process = launch("--bogus");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String error = read(process.getErrorStream());
        assertThat(error.strip().lines()).singleElement().asString().contains("unknown option '--bogus'");
    }

    @Test
    void badValue_exitsWith2() throws Exception {
        Process process = launch("--activation-ttl", "soon");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(read(process.getErrorStream())).contains("--activation-ttl must be a duration");
    }

    @Test
    void help_listsEveryOptionAndExitsWith0() throws Exception {
        Process process = launch("--help");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read(process.getInputStream())).contains("--port", "--tokens-file", "--activation-ttl",
                "--event-retention", "--database-url");
    }

    @Test
    void withoutTokensFile_printsADemoTokenThatWorks_andStopsCleanlyOnSigterm() throws Exception {
        Process process = launch("--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("on port (\\d+)");
            Pattern curl = Pattern.compile("-H 'X-Auth-Token: ([^']+)'");
            Integer port = null;
            String token = null;
            for (String line = out.readLine(); line != null && (port == null || token == null); line = out.readLine()) {
                Matcher portMatch = listening.matcher(line);
                if (portMatch.find()) {
                    port = Integer.parseInt(portMatch.group(1));
                }
                Matcher tokenMatch = curl.matcher(line);
                if (tokenMatch.find()) {
                    token = tokenMatch.group(1);
                }
            }
            assertThat(port).isNotNull();
            assertThat(token).isNotNull();

            HttpClientForTests http = new HttpClientForTests(port);
            assertThat(http.post("/v2/demo/events", token, "{\"event\":\"agent_activate\",\"mode\":\"active\"}").statusCode())
                    .isEqualTo(202);

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
