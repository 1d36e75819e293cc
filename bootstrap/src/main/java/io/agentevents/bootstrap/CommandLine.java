package io.agentevents.bootstrap;

import io.agentevents.adapter.http.ApiOptions;
import io.agentevents.adapter.http.client.TrustedProxies;
import io.agentevents.adapter.http.route.GetAgentEventsHandler;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.postgres.PostgresSettings;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.Durations;
import io.agentevents.bootstrap.config.IdentityOptions;
import io.agentevents.bootstrap.config.LogFormat;
import io.agentevents.bootstrap.config.OptionArgs;
import io.agentevents.bootstrap.config.RequestOptions;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.TlsFiles;
import io.agentevents.bootstrap.config.TokensFile;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.activation.Schedules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the options, each also settable by an environment variable (the option wins). The
 * database password is read from {@code DATABASE_PASSWORD} only, so it never shows in a process
 * list.
 */
public final class CommandLine {

    public static final String USAGE = """
            Usage: java -jar agent-events.jar [options]
               or: java -jar agent-events.jar simulate --help   (simulated agents against a running service)

            Serves the agent events API (v2) over HTTP, on the in-memory store or on PostgreSQL.

            Options (each may also be set by the environment variable in brackets):
              --port N                 HTTP port, 0 for any free one [PORT] (default 8080)
              --tokens-file FILE       user tokens, one '<token> <project_id> <role>' per line,
                                       roles admin|creator|observer, '#' comments [TOKENS_FILE]
                                       (default: none; a project 'demo' with a fresh admin token)
              --activation-ttl D       how long an active or real_time activation lasts
                                       [ACTIVATION_TTL] (default 75s)
              --event-retention D      how long events are kept at least [EVENT_RETENTION] (default 5m)
              --database-url URL       PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/agent_events
                                       [DATABASE_URL] (default: none, the in-memory store);
                                       the schema is migrated at start-up; with a standby, name
                                       every host: jdbc:postgresql://db1:5432,db2:5432/agent_events
                                       ?targetServerType=primary (docs/OPERATIONS.md)
              --database-user USER     database user, if not in the URL [DATABASE_USER];
                                       the password only from DATABASE_PASSWORD
              --db-pool-size N         database connections per node [DB_POOL_SIZE] (default 10)
              --db-timeout D           longest wait for a connection before answering 503
                                       [DB_TIMEOUT] (default 1500ms)
              --keystone-url URL       also honour user tokens issued by this OpenStack Keystone
                                       (identity v3), e.g. http://keystone:5000/v3 [KEYSTONE_URL];
                                       roles by the Cloud Backup names (docs/OPERATIONS.md)
              --keystone-user NAME     this service's own Keystone user [KEYSTONE_USER]; its
                                       password only from KEYSTONE_PASSWORD
              --keystone-project NAME  the project its token is scoped to [KEYSTONE_PROJECT]
              --keystone-domain NAME   the domain of both [KEYSTONE_DOMAIN] (default Default)
              --keystone-timeout D     longest wait for Keystone before answering 503
                                       [KEYSTONE_TIMEOUT] (default 1500ms)
              --token-cache-ttl D      how long a token Keystone vouched for is honoured without
                                       asking again, so how late a revoked one is refused
                                       [TOKEN_CACHE_TTL] (default 60s)
              --tls-cert FILE          PEM certificate (chain): serve HTTPS, TLS 1.2 and 1.3 only
                                       [TLS_CERT]; needs --tls-key. Without both, plain HTTP,
                                       for running behind a TLS-terminating proxy
              --tls-key FILE           PEM private key (PKCS#8 or PKCS#1) [TLS_KEY]
              --rate-limit N           requests a second per token, bursts of one second's worth;
                                       over it 429 with Retry-After [RATE_LIMIT] (default 200;
                                       0 turns the limit off)
              --log-format F           text or json (one JSON object per line) [LOG_FORMAT]
                                       (default text)
              --metrics on|off         record meters for GET /metrics [METRICS] (default on)
              --idle-timeout D         close a connection silent this long (stalled or half-open
                                       clients); longer than 30s [IDLE_TIMEOUT] (default 60s)
              --public-url URL         where clients reach the service, for the absolute URLs of
                                       answers (links, Location, the agents' events host), e.g.
                                       https://backup.example.com [PUBLIC_URL]
                                       (default http://localhost:PORT, https with TLS)
              --event-loops N          event loops serving HTTP [EVENT_LOOPS] (default one per
                                       core)
              --trusted-proxies CIDR,...  proxies and load balancers whose Forwarded or
                                       X-Forwarded-For name the client, for the rate limit, the
                                       sign-in's delays and the access log, e.g. 10.0.0.0/8,
                                       192.0.2.7 [TRUSTED_PROXIES] (default: none; the headers
                                       are ignored)
              --request-ttl D          how long a request made of an agent (browse, vault) waits
                                       for its answer, and the answer is kept [REQUEST_TTL]
                                       (default 5m)
              --browse-answer-limit S  the largest answer to a browse an agent may send, like 4MiB
                                       or 512KiB, 64KiB to 64MiB [BROWSE_ANSWER_LIMIT] (default 4MiB)
              --logfile-container-url URL  the Swift container agents upload log files to, like
                                       https://storage.example.com/v1/AUTH_1234/CloudBackupLogs
                                       [LOGFILE_CONTAINER_URL] (default: none, and log files have
                                       no links to it)
              --logfile-temp-url-key K the container's Temp-URL-Key, for log file links that need no
                                       token [LOGFILE_TEMP_URL_KEY]; prefer the variable, which
                                       does not show in a process list
              --logfile-temp-url-digest sha1|sha256|sha512  the TempURL signature's HMAC
                                       [LOGFILE_TEMP_URL_DIGEST] (default sha256)
              --logfile-temp-url-ttl D how long a log file's TempURL works [LOGFILE_TEMP_URL_TTL]
                                       (default 1h)
              --help                   show this help

            Durations: a whole number with ms, s, m or h, e.g. 500ms, 3s, 5m, 1h.
            Exit codes: 0 stopped cleanly, 1 could not start, 2 bad options.
            """;

    private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
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

    /**
     * @return the configuration; empty if {@code --help} was asked for
     * @throws ConfigException for an unknown option or a bad value
     */
    public static Optional<AppConfig> parse(List<String> args, Map<String, String> environment) {
        Optional<Map<String, String>> given = OptionArgs.parse(args, ENVIRONMENT.keySet(), "", "--help");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>(given.get());
        ENVIRONMENT.forEach((option, variable) -> {
            String value = environment.get(variable);
            if (!options.containsKey(option) && value != null && !value.isBlank()) {
                options.put(option, value);
            }
        });
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
                RequestOptions.parse(options)));
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
        boolean metrics = Optional.ofNullable(options.get("--metrics")).map(CommandLine::onOff).orElse(true);
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
        return new ServerSettings(tls, rateLimit, format, metrics, idle, publicUrl, eventLoops, proxies);
    }

    private static boolean onOff(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigException("--metrics must be on or off; got '" + text + "'");
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
