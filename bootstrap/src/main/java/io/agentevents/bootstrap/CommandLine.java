package io.agentevents.bootstrap;

import io.agentevents.adapter.http.ApiOptions;
import io.agentevents.adapter.http.client.TrustedProxies;
import io.agentevents.adapter.http.edge.CrossOrigins;
import io.agentevents.adapter.http.route.GetAgentEventsHandler;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.postgres.settings.PostgresSettings;
import io.agentevents.application.service.presence.PresenceEvents;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.IdentityOptions;
import io.agentevents.bootstrap.config.LogFormat;
import io.agentevents.bootstrap.config.OptionSpecs;
import io.agentevents.bootstrap.config.RequestOptions;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.TlsFiles;
import io.agentevents.bootstrap.config.TokensFile;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.activation.Schedules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the options ({@link ServiceOptions}, parsed by picocli), each also settable by an
 * environment variable (the option wins), and checks them into an {@link AppConfig}. The
 * database password is read from {@code DATABASE_PASSWORD} only, so it never shows in a process
 * list.
 */
public final class CommandLine {

    /** Each option's environment variable. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("--port", "PORT"),
            Map.entry("--tokens-file", "TOKENS_FILE"),
            Map.entry("--activation-ttl", "ACTIVATION_TTL"),
            Map.entry("--event-retention", "EVENT_RETENTION"),
            Map.entry("--database-url", "DATABASE_URL"),
            Map.entry("--database-user", "DATABASE_USER"),
            Map.entry("--db-pool-size", "DB_POOL_SIZE"),
            Map.entry("--db-timeout", "DB_TIMEOUT"),
            Map.entry("--tls-cert", "TLS_CERT"),
            Map.entry("--tls-key", "TLS_KEY"),
            Map.entry("--rate-limit", "RATE_LIMIT"),
            Map.entry("--log-format", "LOG_FORMAT"),
            Map.entry("--metrics", "METRICS"),
            Map.entry("--idle-timeout", "IDLE_TIMEOUT"),
            Map.entry("--public-url", "PUBLIC_URL"),
            Map.entry("--event-loops", "EVENT_LOOPS"),
            Map.entry("--trusted-proxies", "TRUSTED_PROXIES"),
            Map.entry("--cors-origins", "CORS_ORIGINS"),
            Map.entry("--presence-events", "PRESENCE_EVENTS"),
            Map.entry("--presence-hold-down", "PRESENCE_HOLD_DOWN"),
            Map.entry("--keystone-url", "KEYSTONE_URL"),
            Map.entry("--keystone-user", "KEYSTONE_USER"),
            Map.entry("--keystone-project", "KEYSTONE_PROJECT"),
            Map.entry("--keystone-domain", "KEYSTONE_DOMAIN"),
            Map.entry("--keystone-timeout", "KEYSTONE_TIMEOUT"),
            Map.entry("--token-cache-ttl", "TOKEN_CACHE_TTL"),
            Map.entry("--request-ttl", "REQUEST_TTL"),
            Map.entry("--browse-answer-limit", "BROWSE_ANSWER_LIMIT"),
            Map.entry("--logfile-container-url", "LOGFILE_CONTAINER_URL"),
            Map.entry("--logfile-temp-url-key", "LOGFILE_TEMP_URL_KEY"),
            Map.entry("--logfile-temp-url-digest", "LOGFILE_TEMP_URL_DIGEST"),
            Map.entry("--logfile-temp-url-ttl", "LOGFILE_TEMP_URL_TTL"));

    private CommandLine() {
    }

    /** The help or the version, if the arguments ask for either: printed instead of starting. */
    public static Optional<String> informationAsked(List<String> args) {
        return OptionSpecs.informationAsked(new ServiceOptions(), args);
    }

    /** The generated help, every option with its variable and default. */
    public static String usage() {
        return OptionSpecs.usage(new ServiceOptions());
    }

    /**
     * @return the configuration; empty if {@code --help} or {@code --version} was asked for (see {@link #informationAsked})
     * @throws ConfigException for an unknown option or a bad value
     */
    public static Optional<AppConfig> parse(List<String> args, Map<String, String> environment) {
        Optional<Map<String, String>> given = OptionSpecs.parse(new ServiceOptions(), args, ENVIRONMENT, environment, "");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> options = given.get();
        int port = Optional.ofNullable(options.get("--port")).map(CommandLine::port).orElse(AppConfig.DEFAULT_PORT);
        List<UserToken> tokens = Optional.ofNullable(options.get("--tokens-file"))
                .map(file -> TokensFile.read(Path.of(file))).orElse(List.of());
        Duration ttl = Optional.ofNullable(options.get("--activation-ttl"))
                .map(text -> Durations.parse(text, "--activation-ttl"))
                .orElse(Schedules.DEFAULT_ACTIVATION_LIFETIME);
        Duration retention = Optional.ofNullable(options.get("--event-retention"))
                .map(text -> Durations.parse(text, "--event-retention")).orElse(AppConfig.DEFAULT_EVENT_RETENTION);
        Optional<PostgresSettings> database = Optional.ofNullable(options.get("--database-url"))
                .map(url -> database(url, options, environment));
        return Optional.of(new AppConfig(port, tokens, ttl, retention,
                AppConfig.DEFAULT_AGENT_TOKEN_LIFETIME, database, server(options), IdentityOptions.parse(options, environment),
                RequestOptions.parse(options), presenceEvents(options)));
    }

    private static PresenceEvents presenceEvents(Map<String, String> options) {
        boolean enabled = Optional.ofNullable(options.get("--presence-events")).map(text -> onOff(text, "--presence-events"))
                .orElse(false);
        Duration holdDown = Optional.ofNullable(options.get("--presence-hold-down"))
                .map(text -> Durations.parse(text, "--presence-hold-down")).orElse(PresenceEvents.DEFAULT_HOLD_DOWN);
        if (holdDown.compareTo(PresenceEvents.MAX_HOLD_DOWN) > 0) {
            throw new ConfigException("--presence-hold-down must be at most 1h; got " + Durations.format(holdDown));
        }
        if (!enabled && options.containsKey("--presence-hold-down")) {
            throw new ConfigException("--presence-hold-down is for presence events; give --presence-events on too");
        }
        return new PresenceEvents(enabled, holdDown);
    }

    private static ServerSettings server(Map<String, String> options) {
        String certificate = options.get("--tls-cert");
        String key = options.get("--tls-key");
        if ((certificate == null) != (key == null)) {
            throw new ConfigException("--tls-cert and --tls-key go together: give both or neither");
        }
        Optional<TlsFiles> tls = certificate == null ? Optional.empty() : Optional.of(TlsFiles.of(certificate, key));
        int rateLimit = Optional.ofNullable(options.get("--rate-limit"))
                .map(text -> wholeNumber(text, "--rate-limit", 0, 1_000_000_000)).orElse(ApiOptions.DEFAULT_RATE_LIMIT);
        LogFormat format = Optional.ofNullable(options.get("--log-format")).map(LogFormat::parse).orElse(LogFormat.TEXT);
        boolean metrics = Optional.ofNullable(options.get("--metrics")).map(text -> onOff(text, "--metrics")).orElse(true);
        Duration idle = Optional.ofNullable(options.get("--idle-timeout"))
                .map(text -> Durations.parse(text, "--idle-timeout")).orElse(ServerSettings.DEFAULT_IDLE_TIMEOUT);
        if (idle.toSeconds() <= GetAgentEventsHandler.MAX_WAIT_SECONDS) {
            throw new ConfigException("--idle-timeout must be longer than the longest long-poll ("
                    + GetAgentEventsHandler.MAX_WAIT_SECONDS + "s); got " + Durations.format(idle));
        }
        Optional<String> publicUrl = Optional.ofNullable(options.get("--public-url")).map(String::strip);
        try {
            publicUrl.ifPresent(PublicUrl::of);
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--public-url: " + bad.getMessage());
        }
        int eventLoops = Optional.ofNullable(options.get("--event-loops"))
                .map(text -> wholeNumber(text, "--event-loops", 1, ServerSettings.MAX_EVENT_LOOPS))
                .orElse(ServerSettings.defaultEventLoops());
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(options.getOrDefault("--trusted-proxies", ""));
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--trusted-proxies: " + bad.getMessage());
        }
        CrossOrigins origins;
        try {
            origins = CrossOrigins.parse(options.getOrDefault("--cors-origins", ""));
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--cors-origins: " + bad.getMessage());
        }
        return new ServerSettings(tls, rateLimit, format, metrics, idle, publicUrl, eventLoops, proxies, origins);
    }

    private static boolean onOff(String text, String option) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigException(option + " must be on or off; got '" + text + "'");
        };
    }

    private static PostgresSettings database(String url, Map<String, String> options, Map<String, String> environment) {
        int poolSize = Optional.ofNullable(options.get("--db-pool-size"))
                .map(text -> wholeNumber(text, "--db-pool-size", 1, 500)).orElse(PostgresSettings.DEFAULT_POOL_SIZE);
        Duration timeout = Optional.ofNullable(options.get("--db-timeout"))
                .map(text -> Durations.parse(text, "--db-timeout")).orElse(PostgresSettings.DEFAULT_CONNECTION_TIMEOUT);
        try {
            return new PostgresSettings(url.strip(), Optional.ofNullable(options.get("--database-user")),
                    Optional.ofNullable(environment.get("DATABASE_PASSWORD")).filter(password -> !password.isEmpty()),
                    Optional.empty(), poolSize, timeout);
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--database-url: " + bad.getMessage());
        }
    }

    private static int wholeNumber(String text, String option, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigException(option + " must be a number from " + min + " to " + max + "; got '" + text + "'");
    }

    private static int port(String text) {
        return wholeNumber(text, "--port", 0, 65_535);
    }
}
