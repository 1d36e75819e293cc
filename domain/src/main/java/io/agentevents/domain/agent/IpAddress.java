package io.agentevents.domain.agent;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One address of an agent's host.
 *
 * @param version 4 or 6
 * @param addr    the address in its usual text form ({@code 67.23.10.132}, {@code ::babe:4317:0A83})
 */
public record IpAddress(int version, String addr) {

    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Hex groups and colons, optionally ending in a dotted IPv4 part; at most one {@code ::}. */
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(\\d{1,3}(\\.\\d{1,3}){3})?");
    private static final int MAX_V6_LENGTH = 45;

    /** @throws IllegalArgumentException if the version is not 4 or 6, or the address not of that version */
    public IpAddress {
        Objects.requireNonNull(addr, "host.addresses[].addr must be a string");
        if (version == 4) {
            if (!V4.matcher(addr).matches()) {
                throw new IllegalArgumentException("host.addresses[].addr must be an IPv4 address like 67.23.10.132 for version 4");
            }
        } else if (version == 6) {
            if (addr.length() > MAX_V6_LENGTH || !V6.matcher(addr).matches() || addr.indexOf("::") != addr.lastIndexOf("::")) {
                throw new IllegalArgumentException("host.addresses[].addr must be an IPv6 address like ::babe:4317:0A83 for version 6");
            }
        } else {
            throw new IllegalArgumentException("host.addresses[].version must be 4 or 6");
        }
    }
}
