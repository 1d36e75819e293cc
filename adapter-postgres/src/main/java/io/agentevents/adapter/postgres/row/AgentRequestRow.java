package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.BrowsedItem;
import io.agentevents.domain.request.EncryptedPassword;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestKind;
import io.agentevents.domain.request.RequestedWork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * An {@code agent_requests} row both ways. The request is rebuilt through its constructors, which
 * check it again; an answer claimed but not yet kept ({@code answered_at} NULL) is no answer.
 */
public final class AgentRequestRow implements RowMapper<AgentRequest> {

    public static final String COLUMNS = "project_id, request_id, agent_id, kind, at, expires_at, path, path_encoded, "
            + "password_hex, old_password_hex, vault_agent_id, answered_at, answer_event_id, succeeded, valid, "
            + "answer_action, answer_path, answer_path_encoded, item_names, item_names_encoded, item_bytes, "
            + "item_mime_types";

    /** A new request as the parameters of its insert, bound by name. */
    public record Values(String project, UUID request, UUID agent, String kind, OffsetDateTime at,
                         OffsetDateTime expiresAt, String path, String pathEncoded, String passwordHex,
                         String oldPasswordHex, UUID vaultAgent) {

        public static Values of(AgentRequest request) {
            String path = null;
            String pathEncoded = null;
            String password = null;
            String oldPassword = null;
            UUID vaultAgent = null;
            if (request.work() instanceof RequestedWork.BrowseHost browse) {
                path = browse.path();
                pathEncoded = browse.pathEncoded().map(Base64Text::text).orElse(null);
            } else if (request.work() instanceof RequestedWork.VerifyVaultPassword verify) {
                password = verify.password().hex();
                vaultAgent = verify.vaultOf().value();
            } else if (request.work() instanceof RequestedWork.EncryptVault encrypt) {
                password = encrypt.next().hex();
                oldPassword = encrypt.current().map(EncryptedPassword::hex).orElse(null);
            }
            return new Values(request.project().value(), request.id().value(), request.agent().value(),
                    Columns.of(request.kind()), Columns.of(request.at()), Columns.of(request.expiresAt()), path,
                    pathEncoded, password, oldPassword, vaultAgent);
        }
    }

    /** An answer as the parameters of its update, bound by name; its items are bound apart, as arrays. */
    public record AnswerValues(OffsetDateTime answeredAt, long eventId, Boolean succeeded, Boolean valid, String action,
                               String path, String pathEncoded) {

        public static AnswerValues of(AgentRequest.Answer kept) {
            OffsetDateTime at = Columns.of(kept.at());
            long event = kept.event().value();
            RequestAnswer answer = kept.answer();
            if (answer instanceof RequestAnswer.BrowseListing listing) {
                return new AnswerValues(at, event, listing.succeeded(), null, null, listing.path(),
                        listing.pathEncoded().map(Base64Text::text).orElse(null));
            } else if (answer instanceof RequestAnswer.PasswordVerification verification) {
                return new AnswerValues(at, event, null, verification.valid(), null, null, null);
            }
            RequestAnswer.EncryptionReport report = (RequestAnswer.EncryptionReport) answer;
            return new AnswerValues(at, event, report.succeeded(), null, Columns.of(report.action()), null, null);
        }
    }

    /** A browse's items, one list per column; all empty for other answers. */
    public record ItemColumns(List<String> names, List<String> namesEncoded, List<Long> bytes, List<String> mimeTypes) {

        public static ItemColumns of(RequestAnswer answer) {
            List<BrowsedItem> items = answer instanceof RequestAnswer.BrowseListing listing ? listing.items() : List.of();
            List<String> names = new ArrayList<>(items.size());
            List<String> encoded = new ArrayList<>(items.size());
            List<Long> bytes = new ArrayList<>(items.size());
            List<String> mimeTypes = new ArrayList<>(items.size());
            for (BrowsedItem item : items) {
                names.add(item.name());
                encoded.add(item.nameEncoded().map(Base64Text::text).orElse(null));
                bytes.add(item.bytes());
                mimeTypes.add(item.mimeType());
            }
            return new ItemColumns(names, encoded, bytes, mimeTypes);
        }
    }

    @Override
    public AgentRequest map(ResultSet row, StatementContext context) throws SQLException {
        RequestKind kind = Columns.requestKind(row.getString("kind"));
        AgentId agent = new AgentId(row.getObject("agent_id", UUID.class));
        RequestedWork work = switch (kind) {
            case BROWSE -> new RequestedWork.BrowseHost(row.getString("path"), base64(row.getString("path_encoded")));
            case VAULT_PASSWORD_VERIFICATION -> new RequestedWork.VerifyVaultPassword(
                    new EncryptedPassword(row.getString("password_hex")), new AgentId(row.getObject("vault_agent_id", UUID.class)));
            case VAULT_ENCRYPTION -> new RequestedWork.EncryptVault(
                    Optional.ofNullable(row.getString("old_password_hex")).map(EncryptedPassword::new),
                    new EncryptedPassword(row.getString("password_hex")));
            case LOGFILE_UPLOAD -> throw new IllegalStateException("log files are kept in logfiles, not agent_requests");
        };
        Optional<Instant> answeredAt = Columns.instant(row, "answered_at");
        Optional<AgentRequest.Answer> answer = answeredAt.isEmpty() ? Optional.empty() : Optional.of(
                new AgentRequest.Answer(answerOf(kind, row), new EventId(row.getLong("answer_event_id")), answeredAt.get()));
        return new AgentRequest(new ProjectId(row.getString("project_id")), agent,
                new RequestId(row.getObject("request_id", UUID.class)), work, Columns.instant(row, "at").orElseThrow(),
                Columns.instant(row, "expires_at").orElseThrow(), answer);
    }

    private static RequestAnswer answerOf(RequestKind kind, ResultSet row) throws SQLException {
        return switch (kind) {
            case BROWSE -> new RequestAnswer.BrowseListing(row.getBoolean("succeeded"), row.getString("answer_path"),
                    base64(row.getString("answer_path_encoded")), items(row));
            case VAULT_PASSWORD_VERIFICATION -> new RequestAnswer.PasswordVerification(row.getBoolean("valid"));
            case VAULT_ENCRYPTION -> new RequestAnswer.EncryptionReport(
                    Columns.encryptionAction(row.getString("answer_action")), row.getBoolean("succeeded"));
            case LOGFILE_UPLOAD -> throw new IllegalStateException("log files are kept in logfiles, not agent_requests");
        };
    }

    private static List<BrowsedItem> items(ResultSet row) throws SQLException {
        Object[] names = AgentRow.elementsOf(row, "item_names");
        Object[] encoded = AgentRow.elementsOf(row, "item_names_encoded");
        Object[] bytes = AgentRow.elementsOf(row, "item_bytes");
        Object[] mimeTypes = AgentRow.elementsOf(row, "item_mime_types");
        List<BrowsedItem> items = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            items.add(new BrowsedItem((String) names[i], base64((String) encoded[i]), ((Number) bytes[i]).longValue(),
                    (String) mimeTypes[i]));
        }
        return items;
    }

    private static Optional<Base64Text> base64(String text) {
        return Optional.ofNullable(text).map(Base64Text::new);
    }
}
