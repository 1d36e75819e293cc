package io.agentevents.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {

    @ParameterizedTest
    @CsvSource({
            "cloudBackup:admin, ADMIN",
            "cloudBackup:creator, CREATOR",
            "cloudBackup:observer, OBSERVER",
            "admin, ADMIN",
            "observer, OBSERVER",
            "identity:user-admin, ADMIN",
            "CLOUDBACKUP:Creator, CREATOR"})
    void eachDocumentedNameGrantsItsRole(String name, Role role) {
        assertThat(Role.widestOf(List.of(name))).contains(role);
    }

    @Test
    void theWiderRoleWinsWhicheverComesFirst() {
        assertThat(Role.widestOf(List.of("observer", "cloudBackup:admin"))).contains(Role.ADMIN);
        assertThat(Role.widestOf(List.of("admin", "cloudBackup:observer"))).contains(Role.ADMIN);
        assertThat(Role.widestOf(List.of("cloudBackup:observer", "cloudBackup:creator"))).contains(Role.CREATOR);
    }

    @Test
    void otherNamesGrantNothing() {
        assertThat(Role.widestOf(List.of("member", "reader", "cloudFiles:admin", "cloudBackup:admins"))).isEmpty();
        assertThat(Role.widestOf(List.of())).isEmpty();
    }

    @Test
    void unknownNamesBesideAKnownOneAreIgnored() {
        assertThat(Role.widestOf(List.of("member", "cloudBackup:observer", "reader"))).contains(Role.OBSERVER);
    }
}
