package io.agentevents.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.TestAgents;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentHostTest {

    private static final List<IpAddress> ADDRESSES = List.of(new IpAddress(4, "10.0.0.1"));

    @Test
    void novaHost_mayHaveNoRegion() {
        AgentHost host = new AgentHost(Flavor.NOVA, Optional.empty(), "m-1", TestAgents.UBUNTU, "fp", ADDRESSES);

        assertThat(host.region()).isEmpty();
    }

    @Test
    void dedicatedOrPrivateCloudHost_withoutRegion_isRefused() {
        for (Flavor flavor : List.of(Flavor.RACKSPACE_DEDICATED, Flavor.RACKSPACE_PRIVATE_CLOUD)) {
            assertThatThrownBy(() -> new AgentHost(flavor, Optional.empty(), "m-1", TestAgents.UBUNTU, "fp", ADDRESSES))
                    .hasMessage("host.region is required for this host.flavor");
        }
    }

    @Test
    void flavor_decidesTheDefaultVaultNetwork() {
        assertThat(Flavor.NOVA.usesInternalVaultByDefault()).isTrue();
        assertThat(Flavor.RACKSPACE_DEDICATED.usesInternalVaultByDefault()).isFalse();
        assertThat(Flavor.RACKSPACE_PRIVATE_CLOUD.usesInternalVaultByDefault()).isTrue();
    }

    @Test
    void host_withTooManyAddresses_isRefused() {
        List<IpAddress> many = Collections.nCopies(AgentHost.MAX_ADDRESSES + 1, new IpAddress(4, "10.0.0.1"));

        assertThatThrownBy(() -> new AgentHost(Flavor.NOVA, Optional.of("DFW"), "m", TestAgents.UBUNTU, "fp", many))
                .hasMessage("host.addresses must hold at most 64 addresses");
    }

    @Test
    void host_keepsACopyOfItsAddresses() {
        var addresses = new java.util.ArrayList<>(ADDRESSES);
        AgentHost host = new AgentHost(Flavor.NOVA, Optional.of("DFW"), "m", TestAgents.UBUNTU, "fp", addresses);
        addresses.clear();

        assertThat(host.addresses()).containsExactly(new IpAddress(4, "10.0.0.1"));
    }

    @Test
    void ipAddress_mustMatchItsVersion() {
        assertThat(new IpAddress(6, "::babe:4317:0A83").addr()).isEqualTo("::babe:4317:0A83");
        assertThat(new IpAddress(6, "2001:db8::ffff:192.0.2.1").version()).isEqualTo(6);
        assertThat(new IpAddress(4, "255.255.255.0").version()).isEqualTo(4);
        assertThatThrownBy(() -> new IpAddress(4, "::1")).hasMessageContaining("IPv4 address");
        assertThatThrownBy(() -> new IpAddress(4, "256.1.1.1")).hasMessageContaining("IPv4 address");
        assertThatThrownBy(() -> new IpAddress(6, "10.0.0.1")).hasMessageContaining("IPv6 address");
        assertThatThrownBy(() -> new IpAddress(6, "1::2::3")).hasMessageContaining("IPv6 address");
        assertThatThrownBy(() -> new IpAddress(5, "10.0.0.1")).hasMessage("host.addresses[].version must be 4 or 6");
    }

    @Test
    void rsaPublicKey_isHexadecimal() {
        assertThat(new RsaPublicKey("E14F9a", "10001").exponent()).isEqualTo("10001");
        assertThatThrownBy(() -> new RsaPublicKey("not-hex", "10001")).hasMessage("rsa_public_key.modulus must be hexadecimal digits");
        assertThatThrownBy(() -> new RsaPublicKey("E1", "")).hasMessageStartingWith("rsa_public_key.exponent must be 1 to 64");
    }
}
