package io.agentevents.adapter.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    @Test
    void blocksAndBareAddresses_ofBothFamilies_trustWhatTheyCover() {
        TrustedProxies trusted = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7,2001:db8::/32");

        assertThat(trusted.trusts(TrustedProxies.literal("10.200.3.4"))).isTrue();
        assertThat(trusted.trusts(TrustedProxies.literal("11.0.0.1"))).isFalse();
        assertThat(trusted.trusts(TrustedProxies.literal("192.0.2.7"))).isTrue();
        assertThat(trusted.trusts(TrustedProxies.literal("192.0.2.8"))).as("a bare address is one host").isFalse();
        assertThat(trusted.trusts(TrustedProxies.literal("2001:db8:1::5"))).isTrue();
        assertThat(trusted.trusts(TrustedProxies.literal("2001:db9::5"))).isFalse();
        assertThat(trusted).hasToString("10.0.0.0/8,192.0.2.7,2001:db8::/32");
    }

    @Test
    void blank_isNobody() {
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
        assertThat(TrustedProxies.none().trusts(TrustedProxies.literal("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "proxy.example.com", "10.0.0.0/", "10.0.0.0/8,,192.0.2.1",
            "10.0.0.256", "10.0.0.0/-1", "10.0.0.0/8/8", "*"})
    void anythingElse_isRefused_namingTheEntry(String list) {
        assertThatThrownBy(() -> TrustedProxies.parse(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an IP address or CIDR block");
    }

    @Test
    void forwardedHops_readForwardedFirst_elseXForwardedFor_withPortsAndBracketsDropped() {
        assertThat(ForwardedHops.of(List.of("for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\"",
                "For=\"198.51.100.9:80\""), List.of("203.0.113.1")))
                .containsExactly("192.0.2.60", "2001:db8:cafe:0:0:0:0:17", "198.51.100.9");
        assertThat(ForwardedHops.of(List.of(), List.of("203.0.113.1, 10.0.0.2", "10.0.0.3")))
                .containsExactly("203.0.113.1", "10.0.0.2", "10.0.0.3");
        assertThat(ForwardedHops.of(List.of("for=unknown, for=_hidden, proto=https"), List.of()))
                .containsExactly(null, null, null);
        assertThat(ForwardedHops.of(List.of(), List.of("not-an-address, [::1", "999.1.1.1")))
                .containsExactly(null, null, null);
    }
}
