package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.adapter.http.wire.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.request.AgentRequested;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestAnswered;
import io.agentevents.domain.request.RequestedWork;
import java.util.List;

/**
 * One event on the wire, as the reference's examples show them. Fields that do not apply to its
 * type are left out: {@code mode} and {@code expires_at} for activations, {@code busy} for
 * heartbeats, {@code agent} for events about one agent (with its name and operating system for
 * {@code agent_registered}), and what a request asked or an agent answered: {@code path} and
 * {@code path_encoded} ({@code host_browse}, {@code host_browsed}), the encrypted passwords
 * ({@code vault_*}), {@code links} ({@code logfile_upload}, when a log file container is
 * configured), {@code succeeded} and {@code valid} (answers).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResponse(String id, String time, String event, String mode, String expiresAt, Boolean busy,
                            AgentRef agent, String requestId, String path, String pathEncoded,
                            String encryptedPasswordHex, String oldEncryptedPasswordHex,
                            String newEncryptedPasswordHex, AgentRef vaultAgent, List<LinkResponse> links,
                            Boolean succeeded, Boolean valid) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentRef(String id, String name, HostRef host) {
    }

    public record HostRef(OperatingSystemResponse os) {
    }

    /** What the event of a request or an answer adds to the common fields. */
    private record RequestFields(String path, String pathEncoded, String encryptedPasswordHex,
                                 String oldEncryptedPasswordHex, String newEncryptedPasswordHex, AgentRef vaultAgent,
                                 List<LinkResponse> links, Boolean succeeded, Boolean valid) {

        static final RequestFields NONE = new RequestFields(null, null, null, null, null, null, null, null, null);
    }

    public static EventResponse from(StoredEvent stored, LogfileLinks logfileLinks) {
        AgentEvent event = stored.event();
        String mode = null;
        String expiresAt = null;
        Boolean busy = null;
        AgentRef agent = event.agent().map(id -> new AgentRef(id.toString(), null, null)).orElse(null);
        RequestFields fields = RequestFields.NONE;
        if (event instanceof AgentActivated activated) {
            Activation activation = activated.activation();
            mode = WireNames.of(activation.mode());
            expiresAt = activation.expiresAt().map(Timestamps::format).orElse(null);
        } else if (event instanceof HeartbeatRecorded heartbeat) {
            busy = heartbeat.busy();
        } else if (event instanceof AgentRegistered registered) {
            agent = new AgentRef(registered.agentId().toString(), registered.name(),
                    new HostRef(OperatingSystemResponse.from(registered.os())));
        } else if (event instanceof AgentRequested requested) {
            fields = fieldsOf(requested, logfileLinks);
        } else if (event instanceof RequestAnswered answered) {
            fields = fieldsOf(answered.answer());
        }
        return new EventResponse(Long.toString(stored.id().value()), Timestamps.format(event.at()),
                WireNames.of(event.type()), mode, expiresAt, busy, agent, stored.requestId().toString(), fields.path(),
                fields.pathEncoded(), fields.encryptedPasswordHex(), fields.oldEncryptedPasswordHex(),
                fields.newEncryptedPasswordHex(), fields.vaultAgent(), fields.links(), fields.succeeded(), fields.valid());
    }

    private static RequestFields fieldsOf(AgentRequested requested, LogfileLinks logfileLinks) {
        RequestedWork work = requested.work();
        if (work instanceof RequestedWork.BrowseHost browse) {
            return new RequestFields(browse.path(), browse.pathEncoded().map(Base64Text::text).orElse(null), null, null,
                    null, null, null, null, null);
        } else if (work instanceof RequestedWork.VerifyVaultPassword verify) {
            return new RequestFields(null, null, verify.password().hex(), null, null,
                    new AgentRef(verify.vaultOf().toString(), null, null), null, null, null);
        } else if (work instanceof RequestedWork.EncryptVault encrypt) {
            return encrypt.current().map(old -> new RequestFields(null, null, null, old.hex(), encrypt.next().hex(), null,
                    null, null, null)).orElseGet(() -> new RequestFields(null, null, encrypt.next().hex(), null, null, null,
                    null, null, null));
        }
        List<LinkResponse> links = logfileLinks.logfile(requested.agentId(), ((RequestedWork.UploadLogfile) work).date())
                .map(href -> List.of(LinkResponse.of("logfile", href))).orElse(null);
        return new RequestFields(null, null, null, null, null, null, links, null, null);
    }

    private static RequestFields fieldsOf(RequestAnswer answer) {
        if (answer instanceof RequestAnswer.BrowseListing listing) {
            return new RequestFields(listing.path(), listing.pathEncoded().map(Base64Text::text).orElse(null), null, null,
                    null, null, null, listing.succeeded(), null);
        } else if (answer instanceof RequestAnswer.PasswordVerification verification) {
            return new RequestFields(null, null, null, null, null, null, null, null, verification.valid());
        }
        return new RequestFields(null, null, null, null, null, null, null,
                ((RequestAnswer.EncryptionReport) answer).succeeded(), null);
    }
}
