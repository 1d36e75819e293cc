package io.agentevents.adapter.http.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where clients reach this service, for the absolute URLs of answers ({@code Location}, links,
 * an agent's events host). Configured, never taken from a request's {@code Host} header, which
 * any client can set.
 */
public final class PublicUrl {

    private final Supplier<String> base;

    private PublicUrl(Supplier<String> base) {
        this.base = base;
    }

    /**
     * An {@code http} or {@code https} URL with a host and at most a path, such as
     * {@code https://backup.example.com} or {@code https://example.com/api}; a trailing slash
     * is dropped.
     *
     * @throws IllegalArgumentException if it is not such a URL
     */
    public static PublicUrl of(String url) {
        Objects.requireNonNull(url, "url must not be null");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("public URL is not a URL: " + malformed.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("public URL must be http:// or https:// with a host and no query, "
                    + "fragment or user, like https://backup.example.com; got " + url);
        }
        String fixed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new PublicUrl(() -> fixed);
    }

    /** This machine's name for itself on the port the server listens on, known once it listens. */
    public static PublicUrl localhost(boolean tls, Supplier<Integer> port) {
        String scheme = tls ? "https" : "http";
        return new PublicUrl(() -> scheme + "://localhost:" + port.get());
    }

    /** The base, without a trailing slash. */
    public String base() {
        return base.get();
    }

    /** The absolute URL of {@code path}, which starts with a slash. */
    public String at(String path) {
        return base.get() + path;
    }
}
