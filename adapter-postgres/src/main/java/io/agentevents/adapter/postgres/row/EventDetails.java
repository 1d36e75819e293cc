package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.request.AgentRequested;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.EncryptedPassword;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.LogfileProgressed;
import io.agentevents.domain.request.LogfileState;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestAnswered;
import io.agentevents.domain.request.RequestedWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code details} column of the events of requests and answers: what was asked or answered,
 * as text in positions fixed by the event's type.
 *
 * <pre>
 * host_browse              path, path_encoded
 * vault_password_verify    password_hex, vault_agent_id
 * vault_encryption_enable  new_password_hex
 * vault_encryption_change  new_password_hex, old_password_hex
 * logfile_upload           date
 * host_browsed             succeeded, path, path_encoded
 * vault_password_verified  valid
 * vault_encryption_enabled, vault_encryption_changed   succeeded
 * logfile_started, logfile_completed                   (none)
 * </pre>
 */
public final class EventDetails {

    private EventDetails() {
    }

    /** The details of an event; null for events that have none. */
    public static List<String> of(AgentEvent event) {
        if (event instanceof AgentRequested requested) {
            RequestedWork work = requested.work();
            if (work instanceof RequestedWork.BrowseHost browse) {
                return Arrays.asList(browse.path(), browse.pathEncoded().map(Base64Text::text).orElse(null));
            } else if (work instanceof RequestedWork.VerifyVaultPassword verify) {
                return List.of(verify.password().hex(), verify.vaultOf().toString());
            } else if (work instanceof RequestedWork.EncryptVault encrypt) {
                return encrypt.current().map(old -> List.of(encrypt.next().hex(), old.hex()))
                        .orElse(List.of(encrypt.next().hex()));
            }
            return List.of(((RequestedWork.UploadLogfile) work).date().toString());
        }
        if (event instanceof RequestAnswered answered) {
            RequestAnswer answer = answered.answer();
            if (answer instanceof RequestAnswer.BrowseListing listing) {
                return Arrays.asList(Boolean.toString(listing.succeeded()), listing.path(),
                        listing.pathEncoded().map(Base64Text::text).orElse(null));
            } else if (answer instanceof RequestAnswer.PasswordVerification verification) {
                return List.of(Boolean.toString(verification.valid()));
            }
            return List.of(Boolean.toString(((RequestAnswer.EncryptionReport) answer).succeeded()));
        }
        return null;
    }

    /** The event of a request or answer of {@code type}, from its row's columns. */
    public static AgentEvent event(EventType type, AgentId agent, RequestId request, Instant at, String[] details) {
        return switch (type) {
            case HOST_BROWSE -> new AgentRequested(agent, request,
                    new RequestedWork.BrowseHost(details[0], base64(details[1])), at);
            case VAULT_PASSWORD_VERIFY -> new AgentRequested(agent, request, new RequestedWork.VerifyVaultPassword(
                    new EncryptedPassword(details[0]), new AgentId(UUID.fromString(details[1]))), at);
            case VAULT_ENCRYPTION_ENABLE -> new AgentRequested(agent, request,
                    new RequestedWork.EncryptVault(Optional.empty(), new EncryptedPassword(details[0])), at);
            case VAULT_ENCRYPTION_CHANGE -> new AgentRequested(agent, request, new RequestedWork.EncryptVault(
                    Optional.of(new EncryptedPassword(details[1])), new EncryptedPassword(details[0])), at);
            case LOGFILE_UPLOAD -> new AgentRequested(agent, request,
                    new RequestedWork.UploadLogfile(Instant.parse(details[0])), at);
            case HOST_BROWSED -> new RequestAnswered(agent, request, new RequestAnswer.BrowseListing(
                    Boolean.parseBoolean(details[0]), details[1], base64(details[2]), List.of()), at);
            case VAULT_PASSWORD_VERIFIED -> new RequestAnswered(agent, request,
                    new RequestAnswer.PasswordVerification(Boolean.parseBoolean(details[0])), at);
            case VAULT_ENCRYPTION_ENABLED, VAULT_ENCRYPTION_CHANGED -> new RequestAnswered(agent, request,
                    new RequestAnswer.EncryptionReport(type == EventType.VAULT_ENCRYPTION_ENABLED
                            ? EncryptionAction.ENABLED : EncryptionAction.CHANGED, Boolean.parseBoolean(details[0])), at);
            case LOGFILE_STARTED -> new LogfileProgressed(agent, request, LogfileState.STARTED, at);
            case LOGFILE_COMPLETED -> new LogfileProgressed(agent, request, LogfileState.COMPLETED, at);
            default -> throw new IllegalStateException(type + " is not the event of a request");
        };
    }

    private static Optional<Base64Text> base64(String text) {
        return Optional.ofNullable(text).map(Base64Text::new);
    }

    /**
     * An array as PostgreSQL's text form of it ({@code {"a",NULL}}), for a statement that passes
     * a whole column of arrays as one array of text and casts each back; null for null.
     */
    public static String arrayLiteral(List<String> elements) {
        if (elements == null) {
            return null;
        }
        List<String> quoted = new ArrayList<>(elements.size());
        for (String element : elements) {
            quoted.add(element == null ? "NULL"
                    : '"' + element.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "{" + String.join(",", quoted) + "}";
    }
}
