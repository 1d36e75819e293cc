package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.service.access.LegacyPasswordHashes;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agents registered when passwords were PBKDF2 hashes still sign in, and their hash is replaced by the fast one. */
class LegacyPasswordSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "legacy-admin-token";
    private static String schema;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(LegacyPasswordSignInTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void anOldPbkdf2Hash_signsIn_andIsStoredAnewAsSha256() throws Exception {
        String project = TestSessions.newProject().value();
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(ADMIN), new ProjectId(project), Role.ADMIN)))
                .withDatabase(TestDatabase.settings(schema));
        try (AgentEventsApp app = AgentEventsApp.start(config, Clock.systemUTC())) {
            HttpClientForTests http = new HttpClientForTests(app.port());
            JsonNode registered = JSON.readTree(http.post("/v2/" + project + "/agents", ADMIN,
                    DocumentedBodies.registration("web-1", "fp-web-1")).body());
            String agent = registered.get("id").asText();
            String password = registered.get("password").asText();
            String legacy = LegacyPasswordHashes.encode(new Secret(password), 1_000).encoded();
            setHash(agent, legacy);

            assertThat(http.post("/v2/" + project + "/agents/tokens", null,
                    DocumentedBodies.signIn(project, agent, "wrong", "fp-web-1")).statusCode()).isEqualTo(401);
            assertThat(hash(agent)).as("a failed sign-in changes nothing").isEqualTo(legacy);
            assertThat(http.post("/v2/" + project + "/agents/tokens", null,
                    DocumentedBodies.signIn(project, agent, password, "fp-web-1")).statusCode()).isEqualTo(200);

            assertThat(hash(agent)).matches("sha256\\$[0-9a-f]{64}");
            assertThat(http.post("/v2/" + project + "/agents/tokens", null,
                    DocumentedBodies.signIn(project, agent, password, "fp-web-1")).statusCode()).isEqualTo(200);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(TestDatabase.urlWithSchema(schema));
    }

    private static void setHash(String agent, String hash) throws Exception {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE agents SET password_hash = ? WHERE agent_id = ?::uuid")) {
            update.setString(1, hash);
            update.setString(2, agent);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String hash(String agent) throws Exception {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM agents WHERE agent_id = ?::uuid")) {
            query.setString(1, agent);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
