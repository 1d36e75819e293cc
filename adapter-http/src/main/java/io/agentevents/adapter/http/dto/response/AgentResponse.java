package io.agentevents.adapter.http.dto.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.IpAddress;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.agent.RsaPublicKey;
import java.util.List;

/**
 * The agent resource of the v2 reference, in its field order. {@code password} is there only in
 * the answer to a registration, the one time it is shown; {@code rsa_public_key} only when the
 * agent registered one. The host's fingerprint stays private.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentResponse(String projectId, String id, String password, String name, String version,
                            HostResponse host, boolean enabled, KeyResponse rsaPublicKey, VaultResponse vault,
                            String logLevel, String registeredTime, List<LinkResponse> links,
                            AgentStatusResponse status) {

    /** {@code region} is null for a host that did not say; the machine has no links this service knows. */
    public record HostResponse(String flavor, String region, MachineResponse machine, OperatingSystemResponse os,
                               List<AddressResponse> addresses) {
    }

    public record MachineResponse(String id, List<LinkResponse> links) {
    }

    public record AddressResponse(int version, String addr) {
    }

    /** {@code exponent} is a JSON number when it is a plain decimal, as in the reference's example. */
    public record KeyResponse(String modulus, Object exponent) {

        static KeyResponse from(RsaPublicKey key) {
            String exponent = key.exponent();
            boolean plainDecimal = exponent.length() < 19 && exponent.chars().allMatch(Character::isDigit)
                    && (exponent.length() == 1 || exponent.charAt(0) != '0');
            return new KeyResponse(key.modulus(), plainDecimal ? (Object) Long.parseLong(exponent) : exponent);
        }
    }

    /**
     * What this service knows of the agent's vault: how the agent reaches it, and whether the agent
     * reported it encrypted, as a client asked. It keeps no vaults, so there are no links.
     */
    public record VaultResponse(boolean encrypted, boolean useInternal, List<LinkResponse> links) {
    }

    public static AgentResponse from(RegisteredAgent agent, PublicUrl publicUrl) {
        return of(agent, null, publicUrl);
    }

    /** The answer to a registration, with the one-time password. */
    public static AgentResponse from(AgentRegistration registration, PublicUrl publicUrl) {
        return of(registration.agent(), registration.password().value(), publicUrl);
    }

    /** The same answer without the password, which is never stored (for an {@code Idempotency-Key} replay). */
    public AgentResponse withoutPassword() {
        return new AgentResponse(projectId, id, null, name, version, host, enabled, rsaPublicKey, vault, logLevel,
                registeredTime, links, status);
    }

    /** The agent with its live status, as the fleet view lists it (beyond the reference). */
    public AgentResponse withStatus(AgentStatusResponse live) {
        return new AgentResponse(projectId, id, password, name, version, host, enabled, rsaPublicKey, vault, logLevel,
                registeredTime, links, live);
    }

    private static AgentResponse of(RegisteredAgent agent, String password, PublicUrl publicUrl) {
        AgentHost host = agent.host();
        HostResponse hostResponse = new HostResponse(WireNames.of(host.flavor()), host.region().orElse(null),
                new MachineResponse(host.machineId(), List.of()), OperatingSystemResponse.from(host.os()),
                host.addresses().stream().map(AgentResponse::address).toList());
        String self = "/v2/" + agent.project() + "/agents/" + agent.id();
        List<LinkResponse> links = List.of(LinkResponse.of("self", publicUrl.at(self)),
                LinkResponse.of("configuration", publicUrl.at(self + "/configuration")),
                LinkResponse.of("events", publicUrl.at(self + "/events")),
                LinkResponse.of("status", publicUrl.at(self + "/status")));
        return new AgentResponse(agent.project().value(), agent.id().toString(), password, agent.name(), agent.version(),
                hostResponse, agent.settings().enabled(), agent.publicKey().map(KeyResponse::from).orElse(null),
                new VaultResponse(agent.settings().vaultEncrypted(), agent.settings().vaultUsesInternal(), List.of()),
                WireNames.of(agent.settings().logLevel()), Timestamps.formatWithOffset(agent.registeredAt()), links, null);
    }

    private static AddressResponse address(IpAddress address) {
        return new AddressResponse(address.version(), address.addr());
    }
}
