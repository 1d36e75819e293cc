package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.bootstrap.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of the service, given as an option and given as its environment variable, is
 * read, and the two spellings give the same configuration. A new option without a sample here
 * fails {@link #everyOption_hasASample}.
 */
class EveryOptionTest {

    @TempDir
    static Path directory;
    private static Path tokens;
    private static Path certificate;
    private static Path key;

    @BeforeAll
    static void files() throws IOException {
        tokens = Files.writeString(directory.resolve("tokens"), "every-option-token-0001 p1 admin\n");
        certificate = Files.writeString(directory.resolve("cert.pem"), "x");
        key = Files.writeString(directory.resolve("key.pem"), "x");
    }

    private static final String DATABASE = "jdbc:postgresql://db:5432/events";
    private static final String KEYSTONE = "http://keystone:5000/v3";
    private static final String CONTAINER = "https://files.example.com/v1/AUTH_1/logs";

    /**
     * A value for each option, the options it needs beside it, and, for an option that cannot be left out
     * of those, another value to compare with (otherwise it is compared with leaving it out).
     */
    private record Sample(String option, String value, List<String> companions, Map<String, String> secrets,
                          String instead) {
        Sample(String option, String value, List<String> companions, Map<String, String> secrets) {
            this(option, value, companions, secrets, null);
        }

        @Override
        public String toString() {
            return option;
        }
    }

    private static List<Sample> samples() {
        List<String> keystone = List.of("--keystone-url", KEYSTONE, "--keystone-user", "u", "--keystone-project", "service");
        Map<String, String> keystonePassword = Map.of("KEYSTONE_PASSWORD", "keystone-password");
        return List.of(
                new Sample("--port", "9191", List.of(), Map.of()),
                new Sample("--tokens-file", tokens.toString(), List.of(), Map.of()),
                new Sample("--activation-ttl", "90s", List.of(), Map.of()),
                new Sample("--event-retention", "1h", List.of(), Map.of()),
                new Sample("--database-url", DATABASE, List.of(), Map.of()),
                new Sample("--database-user", "app", List.of("--database-url", DATABASE), Map.of()),
                new Sample("--db-pool-size", "4", List.of("--database-url", DATABASE), Map.of()),
                new Sample("--db-timeout", "2s", List.of("--database-url", DATABASE), Map.of()),
                new Sample("--tls-cert", certificate.toString(), List.of("--tls-key", key.toString()), Map.of(), key.toString()),
                new Sample("--tls-key", key.toString(), List.of("--tls-cert", certificate.toString()), Map.of(),
                        certificate.toString()),
                new Sample("--rate-limit", "7", List.of(), Map.of()),
                new Sample("--log-format", "json", List.of(), Map.of()),
                new Sample("--metrics", "off", List.of(), Map.of()),
                new Sample("--idle-timeout", "5m", List.of(), Map.of()),
                new Sample("--public-url", "https://backup.example.com", List.of(), Map.of()),
                new Sample("--event-loops", "3", List.of(), Map.of()),
                new Sample("--trusted-proxies", "10.0.0.0/8,192.0.2.7", List.of(), Map.of()),
                new Sample("--cors-origins", "https://panel.example.com", List.of(), Map.of()),
                new Sample("--presence-events", "on", List.of(), Map.of()),
                new Sample("--presence-hold-down", "30s", List.of("--presence-events", "on"), Map.of()),
                new Sample("--keystone-url", KEYSTONE, keystone.subList(2, 6), keystonePassword, "https://other:5000/v3"),
                new Sample("--keystone-user", "other", without(keystone, "--keystone-user"), keystonePassword, "u"),
                new Sample("--keystone-project", "other", without(keystone, "--keystone-project"), keystonePassword,
                        "service"),
                new Sample("--keystone-domain", "Elsewhere", keystone, keystonePassword),
                new Sample("--keystone-timeout", "800ms", keystone, keystonePassword),
                new Sample("--token-cache-ttl", "2m", keystone, keystonePassword),
                new Sample("--request-ttl", "2m", List.of(), Map.of()),
                new Sample("--browse-answer-limit", "512KiB", List.of(), Map.of()),
                new Sample("--logfile-container-url", CONTAINER, List.of(), Map.of()),
                new Sample("--logfile-temp-url-key", "temp-url-key", List.of("--logfile-container-url", CONTAINER), Map.of()),
                new Sample("--logfile-temp-url-digest", "sha512", List.of("--logfile-container-url", CONTAINER), Map.of()),
                new Sample("--logfile-temp-url-ttl", "10m", List.of("--logfile-container-url", CONTAINER), Map.of()));
    }

    private static List<String> without(List<String> options, String name) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < options.size(); i += 2) {
            if (!options.get(i).equals(name)) {
                rest.add(options.get(i));
                rest.add(options.get(i + 1));
            }
        }
        return rest;
    }

    static Stream<Sample> everySample() {
        return samples().stream();
    }

    @Test
    void everyOption_hasASample_andAVariable() {
        Set<String> options = new picocli.CommandLine(new ServiceOptions()).getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .map(OptionSpec::longestName).collect(Collectors.toSet());

        assertThat(samples().stream().map(Sample::option)).containsExactlyInAnyOrderElementsOf(options);
        assertThat(CommandLine.ENVIRONMENT.keySet()).containsExactlyInAnyOrderElementsOf(options);
        assertThat(CommandLine.usage()).as("the help names each variable")
                .contains(options.stream().map(option -> "[" + variable(option) + "]").toList());
    }

    /** The documented rule: --db-pool-size is DB_POOL_SIZE. */
    private static String variable(String option) {
        return option.substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySample")
    void everyOption_isRead_andItsVariableGivesTheSame(Sample sample) {
        List<String> baseline = new ArrayList<>(sample.companions());
        if (sample.instead() != null) {
            baseline.add(sample.option());
            baseline.add(sample.instead());
        }
        AppConfig without = parse(baseline, sample.secrets());
        List<String> given = new ArrayList<>(sample.companions());
        given.add(sample.option());
        given.add(sample.value());
        AppConfig asOption = parse(given, sample.secrets());
        Map<String, String> environment = new HashMap<>(sample.secrets());
        environment.put(variable(sample.option()), sample.value());
        AppConfig asVariable = parse(sample.companions(), environment);

        assertThat(asOption).as("%s %s changes the configuration", sample.option(), sample.value())
                .usingRecursiveComparison().isNotEqualTo(without);
        assertThat(asVariable).as("%s=%s reads as %s does", variable(sample.option()), sample.value(),
                sample.option()).usingRecursiveComparison().isEqualTo(asOption);
    }

    private static AppConfig parse(List<String> args, Map<String, String> environment) {
        return CommandLine.parse(args, environment).orElseThrow();
    }
}
