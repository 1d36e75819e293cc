package io.agentevents.adapter.http.dto.agentrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestAnswered;
import java.util.List;

/**
 * The result of a request, as the reference's result pages show it: the answer's event
 * ({@code id}, {@code time}, {@code event}, {@code agent}, {@code request_id}) with what the agent
 * answered: {@code succeeded}, {@code path}, {@code path_encoded} and {@code items} of a browse,
 * {@code valid} of a verification, {@code succeeded} of an encryption. Fields that do not apply,
 * and encoded names the agent did not send, are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestResultResponse(String id, String time, String event, AgentRef agent, String requestId,
                                    Boolean succeeded, Boolean valid, String path, String pathEncoded,
                                    List<ItemResponse> items) {

    public record AgentRef(String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResponse(String name, String nameEncoded, long bytes, String mimeType) {
    }

    /** @param request an answered request */
    public static RequestResultResponse from(AgentRequest request) {
        AgentRequest.Answer kept = request.answer().orElseThrow();
        RequestAnswer answer = kept.answer();
        String type = WireNames.of(new RequestAnswered(request.agent(), request.id(), answer, kept.at()).type());
        Boolean succeeded = null;
        Boolean valid = null;
        String path = null;
        String pathEncoded = null;
        List<ItemResponse> items = null;
        if (answer instanceof RequestAnswer.BrowseListing listing) {
            succeeded = listing.succeeded();
            path = listing.path();
            pathEncoded = listing.pathEncoded().map(Base64Text::text).orElse(null);
            items = listing.items().stream().map(item -> new ItemResponse(item.name(),
                    item.nameEncoded().map(Base64Text::text).orElse(null), item.bytes(), item.mimeType())).toList();
        } else if (answer instanceof RequestAnswer.PasswordVerification verification) {
            valid = verification.valid();
        } else if (answer instanceof RequestAnswer.EncryptionReport report) {
            succeeded = report.succeeded();
        }
        return new RequestResultResponse(kept.event().toString(), Timestamps.format(kept.at()), type,
                new AgentRef(request.agent().toString()), request.id().toString(), succeeded, valid, path, pathEncoded,
                items);
    }
}
