package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.EncryptedPassword;
import java.util.Optional;

/** The fields of agent requests that carry bytes as text: base64 paths and names, hex passwords. */
final class EncodedFields {

    private EncodedFields() {
    }

    /**
     * A {@code path_encoded} or {@code name_encoded}: the reference sends it only when the text is
     * not UTF-8, so absent, null and empty all mean none.
     */
    static Optional<Base64Text> base64(JsonBody body, String field) {
        return body.optionalText(field).filter(text -> !text.isEmpty()).map(text -> {
            try {
                return Base64Text.of(text, body.name().isEmpty() ? field : body.name() + "." + field);
            } catch (IllegalArgumentException malformed) {
                throw new BadRequestException(malformed.getMessage());
            }
        });
    }

    static EncryptedPassword password(JsonBody body, String field) {
        return optionalPassword(body, field).orElseThrow(() -> new BadRequestException(field + " is required"));
    }

    /** Absent or null: none. */
    static Optional<EncryptedPassword> optionalPassword(JsonBody body, String field) {
        return body.optionalText(field).map(text -> {
            try {
                return EncryptedPassword.of(text, field);
            } catch (IllegalArgumentException malformed) {
                throw new BadRequestException(malformed.getMessage());
            }
        });
    }
}
