package io.agentevents.adapter.http.support;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/** The {@code wait=S} of a long-poll: a whole number of seconds from 0 to {@value #MAX_SECONDS}, zero if absent. */
public final class WaitParam {

    public static final int MAX_SECONDS = 30;

    private WaitParam() {
    }

    /** @throws BadRequestException if it is given twice or is not such a number */
    public static Duration of(RoutingContext context) {
        List<String> values = context.queryParams().getAll("wait");
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        String text = values.get(0);
        if (values.size() > 1 || text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)
                || Integer.parseInt(text) > MAX_SECONDS) {
            throw new BadRequestException("wait must be a whole number of seconds from 0 to " + MAX_SECONDS);
        }
        return Duration.ofSeconds(Integer.parseInt(text));
    }
}
