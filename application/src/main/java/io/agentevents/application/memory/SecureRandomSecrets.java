package io.agentevents.application.memory;

import io.agentevents.application.port.out.access.Secrets;
import java.security.SecureRandom;
import java.util.Base64;

/** 256 random bits from the JDK's {@link SecureRandom}, as URL-safe base64 (43 characters). */
public class SecureRandomSecrets implements Secrets {

    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
