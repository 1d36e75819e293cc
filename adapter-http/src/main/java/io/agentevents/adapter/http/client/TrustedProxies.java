package io.agentevents.adapter.http.client;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies and load balancers whose {@code Forwarded} and {@code X-Forwarded-For} headers are
 * believed, as CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is one
 * host). From any other address those headers are ignored: a client could write anything there.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), "none");

    private final List<IpSubnetFilterRule> blocks;
    private final String described;

    private TrustedProxies(List<IpSubnetFilterRule> blocks, String described) {
        this.blocks = blocks;
        this.described = described;
    }

    /** Nobody: every request's client is its connection's remote address. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param list CIDR blocks separated by commas; blank for none
     * @throws IllegalArgumentException naming the first entry that is not an address or a block
     */
    public static TrustedProxies parse(String list) {
        if (list.isBlank()) {
            return NONE;
        }
        List<IpSubnetFilterRule> blocks = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            String block = entry.strip();
            blocks.add(blockOf(block));
            canonical.add(block);
        }
        return new TrustedProxies(List.copyOf(blocks), String.join(",", canonical));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether a literal address (as {@link #literal} reads it) is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule block : blocks) {
            if (block.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, without ever asking DNS; null if the text is not one. */
    static InetAddress literal(String text) {
        return NetUtil.createInetAddressFromIpAddressString(text);
    }

    private static IpSubnetFilterRule blockOf(String block) {
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        InetAddress parsed = literal(address);
        if (parsed == null) {
            throw notABlock(block);
        }
        int maxPrefix = parsed.getAddress().length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String bits = block.substring(slash + 1);
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > maxPrefix) {
                throw notABlock(block);
            }
            prefix = Integer.parseInt(bits);
        }
        return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
    }

    private static IllegalArgumentException notABlock(String block) {
        return new IllegalArgumentException("'" + block + "' is not an IP address or CIDR block "
                + "(such as 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32)");
    }

    @Override
    public String toString() {
        return described;
    }
}
