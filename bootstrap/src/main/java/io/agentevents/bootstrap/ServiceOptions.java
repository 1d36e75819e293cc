package io.agentevents.bootstrap;

import io.agentevents.bootstrap.config.ReleaseVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The service's options as picocli reads them: each field the text given (by option or by its
 * variable, in brackets), checked by {@link CommandLine}. The help is generated from these.
 */
@Command(name = "java -jar agent-events.jar", mixinStandardHelpOptions = true, versionProvider = ReleaseVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        header = "Serves the agent events API (v2) over HTTP, on the in-memory store or on PostgreSQL.",
        synopsisHeading = "%nUsage: ",
        customSynopsis = {"java -jar agent-events.jar [options]",
                "   or: java -jar agent-events.jar simulate --help   (simulated agents against a running service)"},
        optionListHeading = "%nOptions (each may also be set by the environment variable in brackets):%n",
        footer = {"", "Durations: a whole number with ms, s, m or h, e.g. 500ms, 3s, 5m, 1h.",
                "Exit codes: 0 stopped cleanly, 1 could not start, 2 bad options."})
@SuppressWarnings("unused") // every field is written by picocli and read through its model
final class ServiceOptions {

    @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for any free one [PORT] (default 8080)")
    String port;

    @Option(names = "--tokens-file", paramLabel = "FILE", description = {
            "user tokens, one '<token> <project_id> <role>' per line, roles admin|creator|observer, '#' comments "
                    + "[TOKENS_FILE] (default: none; a project 'demo' with a fresh admin token)"})
    String tokensFile;

    @Option(names = "--activation-ttl", paramLabel = "D",
            description = "how long an active or real_time activation lasts [ACTIVATION_TTL] (default 75s)")
    String activationTtl;

    @Option(names = "--event-retention", paramLabel = "D",
            description = "how long events are kept at least [EVENT_RETENTION] (default 5m)")
    String eventRetention;

    @Option(names = "--database-url", paramLabel = "URL", description = {
            "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/agent_events [DATABASE_URL] (default: none, the "
                    + "in-memory store); the schema is migrated at start-up; with a standby, name every host: "
                    + "jdbc:postgresql://db1:5432,db2:5432/agent_events?targetServerType=primary (docs/OPERATIONS.md)"})
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER",
            description = "database user, if not in the URL [DATABASE_USER]; the password only from DATABASE_PASSWORD")
    String databaseUser;

    @Option(names = "--db-pool-size", paramLabel = "N", description = "database connections per node [DB_POOL_SIZE] (default 10)")
    String dbPoolSize;

    @Option(names = "--db-timeout", paramLabel = "D",
            description = "longest wait for a connection before answering 503 [DB_TIMEOUT] (default 1500ms)")
    String dbTimeout;

    @Option(names = "--keystone-url", paramLabel = "URL", description = {
            "also honour user tokens issued by this OpenStack Keystone (identity v3), e.g. http://keystone:5000/v3 "
                    + "[KEYSTONE_URL]; roles by the Cloud Backup names (docs/OPERATIONS.md)"})
    String keystoneUrl;

    @Option(names = "--keystone-user", paramLabel = "NAME",
            description = "this service's own Keystone user [KEYSTONE_USER]; its password only from KEYSTONE_PASSWORD")
    String keystoneUser;

    @Option(names = "--keystone-project", paramLabel = "NAME", description = "the project its token is scoped to [KEYSTONE_PROJECT]")
    String keystoneProject;

    @Option(names = "--keystone-domain", paramLabel = "NAME", description = "the domain of both [KEYSTONE_DOMAIN] (default Default)")
    String keystoneDomain;

    @Option(names = "--keystone-timeout", paramLabel = "D",
            description = "longest wait for Keystone before answering 503 [KEYSTONE_TIMEOUT] (default 1500ms)")
    String keystoneTimeout;

    @Option(names = "--token-cache-ttl", paramLabel = "D", description = {
            "how long a token Keystone vouched for is honoured without asking again, so how late a revoked one is "
                    + "refused [TOKEN_CACHE_TTL] (default 60s)"})
    String tokenCacheTtl;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = {
            "PEM certificate (chain): serve HTTPS, TLS 1.2 and 1.3 only [TLS_CERT]; needs --tls-key. Without both, "
                    + "plain HTTP, for running behind a TLS-terminating proxy"})
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key (PKCS#8 or PKCS#1) [TLS_KEY]")
    String tlsKey;

    @Option(names = "--rate-limit", paramLabel = "N", description = {
            "requests a second per token, bursts of one second's worth; over it 429 with Retry-After; sign-ins are "
                    + "not counted [RATE_LIMIT] (default 200; 0 turns the limit off)"})
    String rateLimit;

    @Option(names = "--log-format", paramLabel = "F",
            description = "text or json (one JSON object per line) [LOG_FORMAT] (default text)")
    String logFormat;

    @Option(names = "--metrics", paramLabel = "on|off", description = "record meters for GET /metrics [METRICS] (default on)")
    String metrics;

    @Option(names = "--idle-timeout", paramLabel = "D", description = {
            "close a connection silent this long (stalled or half-open clients); longer than 30s [IDLE_TIMEOUT] "
                    + "(default 60s)"})
    String idleTimeout;

    @Option(names = "--public-url", paramLabel = "URL", description = {
            "where clients reach the service, for the absolute URLs of answers (links, Location, the agents' events "
                    + "host), e.g. https://backup.example.com [PUBLIC_URL] (default http://localhost:PORT, https with TLS)"})
    String publicUrl;

    @Option(names = "--event-loops", paramLabel = "N", description = "event loops serving HTTP [EVENT_LOOPS] (default one per core)")
    String eventLoops;

    @Option(names = "--trusted-proxies", paramLabel = "CIDR,...", description = {
            "proxies and load balancers whose Forwarded or X-Forwarded-For name the client, for the rate limit, the "
                    + "sign-in's delays and the access log, e.g. 10.0.0.0/8,192.0.2.7 [TRUSTED_PROXIES] (default: "
                    + "none; the headers are ignored)"})
    String trustedProxies;

    @Option(names = "--cors-origins", paramLabel = "ORIGIN,...", description = {
            "web pages at other origins allowed to call the API from a browser (CORS), e.g. "
                    + "https://panel.example.com,http://localhost:8081 [CORS_ORIGINS] (default: none; browsers keep "
                    + "every answer from pages elsewhere)"})
    String corsOrigins;

    @Option(names = "--presence-events", paramLabel = "on|off", description = {
            "write agent_online / agent_offline events to the project feed when an agent's presence flips, beyond "
                    + "the v2 reference [PRESENCE_EVENTS] (default off; on a shared database, only once every node "
                    + "runs this release)"})
    String presenceEvents;

    @Option(names = "--presence-hold-down", paramLabel = "D", description = {
            "how long an agent past its mode's window stays offline before agent_offline, so a late poll "
                    + "never flaps [PRESENCE_HOLD_DOWN] (default 10s, at most 1h)"})
    String presenceHoldDown;

    @Option(names = "--request-ttl", paramLabel = "D", description = {
            "how long a request made of an agent (browse, vault) waits for its answer, and the answer is kept "
                    + "[REQUEST_TTL] (default 5m)"})
    String requestTtl;

    @Option(names = "--browse-answer-limit", paramLabel = "S", description = {
            "the largest answer to a browse an agent may send, like 4MiB or 512KiB, 64KiB to 64MiB "
                    + "[BROWSE_ANSWER_LIMIT] (default 4MiB)"})
    String browseAnswerLimit;

    @Option(names = "--logfile-container-url", paramLabel = "URL", description = {
            "the Swift container agents upload log files to, like https://storage.example.com/v1/AUTH_1234/CloudBackupLogs "
                    + "[LOGFILE_CONTAINER_URL] (default: none, and log files have no links to it)"})
    String logfileContainerUrl;

    @Option(names = "--logfile-temp-url-key", paramLabel = "K", description = {
            "the container's Temp-URL-Key, for log file links that need no token [LOGFILE_TEMP_URL_KEY]; prefer the "
                    + "variable, which does not show in a process list"})
    String logfileTempUrlKey;

    @Option(names = "--logfile-temp-url-digest", paramLabel = "sha1|sha256|sha512",
            description = "the TempURL signature's HMAC [LOGFILE_TEMP_URL_DIGEST] (default sha256)")
    String logfileTempUrlDigest;

    @Option(names = "--logfile-temp-url-ttl", paramLabel = "D",
            description = "how long a log file's TempURL works [LOGFILE_TEMP_URL_TTL] (default 1h)")
    String logfileTempUrlTtl;
}
