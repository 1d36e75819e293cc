package io.agentevents.adapter.http.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses a request passed through, as proxies wrote them, nearest last: the {@code for=}
 * of each element of {@code Forwarded} (RFC 7239), else the entries of {@code X-Forwarded-For}.
 * An entry that is not an IP literal ({@code unknown}, an obfuscated name, garbage) is kept as
 * null, so the walk from the right stops there.
 */
final class ForwardedHops {

    private ForwardedHops() {
    }

    /** @param forwarded every {@code Forwarded} line in order; if none, {@code xForwardedFor}'s are read */
    static List<String> of(List<String> forwarded, List<String> xForwardedFor) {
        List<String> hops = new ArrayList<>();
        if (!forwarded.isEmpty()) {
            for (String line : forwarded) {
                for (String element : line.split(",")) {
                    hops.add(forOf(element));
                }
            }
            return hops;
        }
        for (String line : xForwardedFor) {
            for (String entry : line.split(",")) {
                hops.add(addressOf(entry.strip()));
            }
        }
        return hops;
    }

    /** The {@code for=} parameter of one element ({@code for=192.0.2.60;proto=https}), or null. */
    private static String forOf(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return addressOf(value);
            }
        }
        return null;
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711} or {@code 2001:db8::1}: the address, normalised. */
    private static String addressOf(String value) {
        String address = value;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                return null;
            }
            address = address.substring(1, close);
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') > 0) {
            address = address.substring(0, address.indexOf(':')); // IPv4 with a port
        }
        var literal = TrustedProxies.literal(address);
        return literal == null ? null : literal.getHostAddress();
    }
}
