package io.agentevents.domain.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.agent.SettingChange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestValuesTest {

    @Test
    void base64Text_takesEitherAlphabet_withOrWithoutPadding_andKeepsTheTextAsGiven() {
        byte[] latin1 = "/home/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        String standard = Base64.getEncoder().encodeToString(latin1);
        assertThat(Base64Text.of(standard, "path_encoded").bytes()).isEqualTo(latin1);
        assertThat(Base64Text.of(standard.replace("=", ""), "path_encoded").bytes()).isEqualTo(latin1);
        byte[] urlBytes = {(byte) 0xfb, (byte) 0xff};
        assertThat(Base64Text.of("-_8", "name_encoded").bytes()).isEqualTo(urlBytes);
        assertThat(Base64Text.of("+/8=", "name_encoded").text()).isEqualTo("+/8=");
    }

    @Test
    void base64Text_refusesWhatDoesNotDecode_namingTheField() {
        assertThatThrownBy(() -> Base64Text.of("/optional/base64encoded/path/if/non-utf-8/characters/present/", "path_encoded"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("path_encoded must be base64");
        assertThatThrownBy(() -> Base64Text.of("abcde", "x")).hasMessageContaining("base64");
        assertThatThrownBy(() -> Base64Text.of("ab cd", "x")).hasMessageContaining("base64");
        assertThatThrownBy(() -> Base64Text.of("+-==", "x")).as("a mix of alphabets").hasMessageContaining("base64");
        assertThatThrownBy(() -> Base64Text.of("", "x")).hasMessageContaining("1 to");
    }

    @Test
    void encryptedPassword_takesTheReferencesSpacedHex_andNeverShowsItsDigits() {
        EncryptedPassword password = EncryptedPassword.of(TestRequests.EXAMPLE_PASSWORD_HEX, "encrypted_password_hex");

        assertThat(password.hex()).isEqualTo(TestRequests.EXAMPLE_PASSWORD_HEX);
        assertThat(password.toString()).doesNotContain("0bff").contains(TestRequests.EXAMPLE_PASSWORD_HEX.length() + " characters");
        assertThat(new RequestedWork.EncryptVault(Optional.empty(), password).toString()).doesNotContain("0bff");
    }

    @Test
    void encryptedPassword_refusesWhatIsNotWholeBytesOfHex() {
        assertThatThrownBy(() -> EncryptedPassword.of("0bf", "encrypted_password_hex"))
                .hasMessageStartingWith("encrypted_password_hex must be whole bytes");
        assertThatThrownBy(() -> EncryptedPassword.of("zz", "x")).hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> EncryptedPassword.of("  ", "x")).hasMessageContaining("whole bytes");
        assertThatThrownBy(() -> EncryptedPassword.of("0a\n0b", "x")).hasMessageContaining("hexadecimal");
    }

    @Test
    void browseValues_checkTheirText() {
        assertThatThrownBy(() -> TestRequests.browse("")).hasMessageContaining("path");
        assertThatThrownBy(() -> TestRequests.browse("/a\u0000b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new BrowsedItem("a", Optional.empty(), -1, "text/plain")).hasMessageContaining("bytes");
        assertThatThrownBy(() -> new BrowsedItem("a", Optional.empty(), 0, " ")).hasMessageContaining("mime_type");
        assertThat(TestRequests.browse("/".repeat(RequestedWork.MAX_PATH_LENGTH)).path()).hasSize(RequestedWork.MAX_PATH_LENGTH);
        assertThatThrownBy(() -> TestRequests.browse("/".repeat(RequestedWork.MAX_PATH_LENGTH + 1))).hasMessageContaining("at most");
    }

    @Test
    void anEncryptedVault_staysEncrypted_whateverSettingChanges() {
        AgentSettings encrypted = new AgentSettings(true, LogLevel.INFO, true).withVaultEncrypted();

        assertThat(encrypted.with(new SettingChange.SetEnabled(false)).vaultEncrypted()).isTrue();
        assertThat(encrypted.with(new SettingChange.SetLogLevel(LogLevel.DEBUG)).vaultEncrypted()).isTrue();
        assertThat(encrypted.with(new SettingChange.SetVaultUsesInternal(false)).vaultEncrypted()).isTrue();
        assertThat(new AgentSettings(true, LogLevel.INFO, true).vaultEncrypted()).isFalse();
    }
}
