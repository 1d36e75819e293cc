package io.agentevents.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

    @Test
    void parse_ofDecimalDigits_readsTheId() {
        assertThat(EventId.parse("5650135583")).isEqualTo(new EventId(5650135583L));
    }

    @Test
    void parse_ofLongMaxValue_isAccepted() {
        assertThat(EventId.parse(Long.toString(Long.MAX_VALUE)).value()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+1", "1.5", "12a", " 1", "9223372036854775808", "99999999999999999999"})
    void parse_ofAnythingButAPositive64BitNumber_isRejected(String text) {
        assertThatThrownBy(() -> EventId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marker");
    }

    @Test
    void compareTo_ordersByValue() {
        assertThat(new EventId(2)).isGreaterThan(new EventId(1));
    }

    @Test
    void pageRequest_limitOutsideOneToThousand_isRejected() {
        assertThatThrownBy(() -> new EventPageRequest(Optional.empty(), 0, SortDirection.ASC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> new EventPageRequest(Optional.empty(), 1001, SortDirection.DESC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void pageRequest_limitAtBothBounds_isAccepted() {
        assertThat(new EventPageRequest(Optional.empty(), 1, SortDirection.ASC).limit()).isEqualTo(1);
        assertThat(EventPageRequest.after(new EventId(7), 1000).limit()).isEqualTo(1000);
    }
}
