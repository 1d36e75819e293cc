package io.agentevents.adapter.http.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The web pages allowed to call the API from another origin (a control panel at
 * {@code https://panel.example.com} calling the service elsewhere), as an allowlist of origins.
 * A request from one of them gets the CORS headers, and its preflight is answered for every
 * method and header the API takes (by Vert.x's {@link CorsHandler}). A request from any other
 * origin passes on with no CORS headers, so the browser keeps its answer from the page; clients
 * that are not browsers send no {@code Origin} and see no difference. Empty: no CORS at all.
 */
public final class CrossOrigins implements io.vertx.core.Handler<RoutingContext> {

    /** The methods of the API's routes. */
    static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE);

    /** What a page may send beyond the CORS-safelisted headers. */
    static final Set<String> REQUEST_HEADERS = new LinkedHashSet<>(List.of(
            "X-Auth-Token", "Idempotency-Key", "Content-Type", "Last-Event-ID"));

    /** What a page may read beyond the CORS-safelisted headers. */
    static final Set<String> EXPOSED_HEADERS = new LinkedHashSet<>(List.of(
            RequestIds.HEADER, "Location", "Retry-After", "Allow", "Idempotent-Replayed", "X-Poll-Interval-Ms",
            "X-Agent-Mode", "X-Long-Poll-Max-S"));

    /** How long a browser may keep a preflight's answer: ten minutes, Chromium's own cap is two hours. */
    static final int PREFLIGHT_MAX_AGE_SECONDS = 600;

    private static final CrossOrigins NONE = new CrossOrigins(Set.of());

    private final Set<String> origins;
    private final CorsHandler cors;

    private CrossOrigins(Set<String> origins) {
        this.origins = origins;
        CorsHandler handler = CorsHandler.create()
                .allowedMethods(METHODS)
                .allowedHeaders(REQUEST_HEADERS)
                .exposedHeaders(EXPOSED_HEADERS)
                .maxAgeSeconds(PREFLIGHT_MAX_AGE_SECONDS)
                .allowCredentials(false);
        origins.forEach(handler::addOrigin);
        this.cors = handler;
    }

    /** No origin allowed: pages from elsewhere cannot read any answer. */
    public static CrossOrigins none() {
        return NONE;
    }

    /**
     * @param list origins separated by commas ({@code https://panel.example.com,http://localhost:8081});
     *             blank for none
     * @throws IllegalArgumentException naming the first entry that is not an origin
     */
    public static CrossOrigins parse(String list) {
        if (list.isBlank()) {
            return NONE;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : list.split(",", -1)) {
            origins.add(canonical(entry.strip()));
        }
        return new CrossOrigins(Set.copyOf(origins));
    }

    public boolean isEmpty() {
        return origins.isEmpty();
    }

    public boolean allows(String origin) {
        return origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    @Override
    public void handle(RoutingContext context) {
        // Each answer depends on the Origin asked with it: a cache must keep them apart.
        context.response().headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && allows(origin)) {
            cors.handle(context);
        } else {
            context.next();
        }
    }

    /** The origin as a browser writes it in {@code Origin}: lower case, no default port, no path. */
    static String canonical(String entry) {
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("an empty entry (two commas in a row, or one at an end)");
        }
        if (entry.equals("*")) {
            throw new IllegalArgumentException("'*' is not an origin: list the control panels' origins");
        }
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException bad) {
            throw new IllegalArgumentException("'" + entry + "' is not an origin (" + bad.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !pathless || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + entry
                    + "' is not an origin: write http(s)://host or http(s)://host:port, without a path");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return origins.isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(origins));
    }
}
