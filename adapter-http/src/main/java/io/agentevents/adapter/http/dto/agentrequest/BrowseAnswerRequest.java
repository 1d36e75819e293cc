package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.domain.request.BrowsedItem;
import io.agentevents.domain.request.RequestAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's answer to a browse, in the shape of the reference's browse result: {@code succeeded},
 * {@code path}, {@code path_encoded} and {@code items[name, name_encoded, bytes, mime_type]}.
 */
public final class BrowseAnswerRequest {

    private BrowseAnswerRequest() {
    }

    public static RequestAnswer.BrowseListing from(JsonBody body) {
        boolean succeeded = body.optionalBoolean("succeeded")
                .orElseThrow(() -> new BadRequestException("succeeded is required"));
        String path = body.requiredText("path");
        List<JsonBody> given = body.requiredArray("items");
        List<BrowsedItem> items = new ArrayList<>(given.size());
        for (JsonBody item : given) {
            items.add(itemOf(item));
        }
        try {
            return new RequestAnswer.BrowseListing(succeeded, path, EncodedFields.base64(body, "path_encoded"), items);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(malformed.getMessage());
        }
    }

    private static BrowsedItem itemOf(JsonBody item) {
        String name = item.requiredText("name");
        String bytesText = item.requiredTextOrWholeNumber("bytes");
        long bytes;
        try {
            bytes = Long.parseLong(bytesText);
        } catch (NumberFormatException notANumber) {
            throw new BadRequestException(item.name() + ".bytes must be a whole number of bytes");
        }
        String mimeType = item.requiredText("mime_type");
        try {
            return new BrowsedItem(name, EncodedFields.base64(item, "name_encoded"), bytes, mimeType);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(item.name() + "." + malformed.getMessage());
        }
    }
}
