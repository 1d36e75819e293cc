package io.agentevents.adapter.http.dto.request;

import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.agent.RegisterAgentCommand;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.RsaPublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The body of <i>Register an agent</i>: {@code name}, {@code version}, {@code host {flavor, region,
 * machine {id}, os {name, version, architecture}, fingerprint, addresses [{version, addr}]}},
 * {@code rsa_public_key {modulus, exponent}} and an optional {@code vault {use_internal}}. Only
 * {@code host.region} may be null (for a {@code nova} host); other fields are ignored.
 */
public record RegisterAgentRequest(String name, String version, Flavor flavor, Optional<String> region, String machineId,
                                   OperatingSystemRequest os, String fingerprint, List<AddressRequest> addresses,
                                   String modulus, String exponent, Optional<Boolean> vaultUsesInternal) {

    public static RegisterAgentRequest from(JsonBody body) {
        String name = body.requiredText("name");
        String version = body.requiredText("version");
        JsonBody host = body.requiredObject("host");
        Flavor flavor = WireNames.flavor(host.requiredText("flavor"), "host.flavor");
        Optional<String> region = host.optionalText("region");
        String machineId = host.requiredObject("machine").requiredText("id");
        OperatingSystemRequest os = OperatingSystemRequest.from(host.requiredObject("os"));
        String fingerprint = host.requiredText("fingerprint");
        List<AddressRequest> addresses = AddressRequest.listFrom(host.requiredArray("addresses"));
        JsonBody key = body.requiredObject("rsa_public_key");
        Optional<Boolean> vaultUsesInternal = body.optionalObject("vault").flatMap(vault -> vault.optionalBoolean("use_internal"));
        return new RegisterAgentRequest(name, version, flavor, region, machineId, os, fingerprint, addresses,
                key.requiredText("modulus"), key.requiredTextOrWholeNumber("exponent"), vaultUsesInternal);
    }

    /** @throws IllegalArgumentException naming the field whose value breaks a rule */
    public RegisterAgentCommand toCommand(Caller caller, ProjectId project, RequestId requestId) {
        AgentHost host = new AgentHost(flavor, region, machineId, os.toOperatingSystem(), fingerprint,
                addresses.stream().map(AddressRequest::toAddress).toList());
        return new RegisterAgentCommand(caller, project, name, version, host, new RsaPublicKey(modulus, exponent),
                vaultUsesInternal, requestId);
    }
}
