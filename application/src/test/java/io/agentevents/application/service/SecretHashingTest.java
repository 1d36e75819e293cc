package io.agentevents.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.service.access.LegacyPasswordHashes;
import io.agentevents.application.service.access.SecretHashing.PasswordCheck;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.application.service.access.SlowWorkGate;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SecretHashingTest {

    private final SecretHashing hashing = SecretHashing.forThisMachine();
    private final Secret password = new Secret("p4ssw0rd-of-at-least-128-random-bits");

    @Test
    void aFastHash_matchesItsPasswordOnly() {
        PasswordHash stored = hashing.hashPassword(password);

        assertThat(hashing.check(password, stored)).isEqualTo(PasswordCheck.MATCHES);
        assertThat(hashing.check(new Secret("p4ssw0rd-of-at-least-128-random-bitz"), stored)).isEqualTo(PasswordCheck.WRONG);
        assertThat(hashing.checkAgainstNothing(password)).isEqualTo(PasswordCheck.WRONG);
    }

    @Test
    void anOldPbkdf2Hash_matches_asOutdated() {
        PasswordHash legacy = LegacyPasswordHashes.encode(password, 1_000);

        assertThat(legacy.encoded()).startsWith("pbkdf2-sha512$1000$");
        assertThat(hashing.check(password, legacy)).isEqualTo(PasswordCheck.MATCHES_OUTDATED);
        assertThat(hashing.check(new Secret("guess"), legacy)).isEqualTo(PasswordCheck.WRONG);
    }

    @Test
    void malformedStoredHashes_matchNothing() {
        assertThat(hashing.check(password, new PasswordHash("pbkdf2-sha512$x$y$z"))).isEqualTo(PasswordCheck.WRONG);
        assertThat(hashing.check(password, new PasswordHash("pbkdf2-sha512$1000$!!$!!"))).isEqualTo(PasswordCheck.WRONG);
        assertThat(hashing.check(password, new PasswordHash("md5$abc"))).isEqualTo(PasswordCheck.WRONG);
    }

    @Test
    void slowVerifications_beyondTheGatesPlaces_areRefusedAtOnce() throws Exception {
        SlowWorkGate gate = new SlowWorkGate(1, 0, Duration.ZERO);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> holder = thread.submit(() -> gate.run(() -> {
                inside.countDown();
                awaitQuietly(release);
                return true;
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            SecretHashing busy = new SecretHashing(gate);
            assertThatThrownBy(() -> busy.check(password, LegacyPasswordHashes.encode(password, 1_000)))
                    .isInstanceOf(ServiceBusyException.class);
            assertThat(busy.check(password, busy.hashPassword(password)))
                    .as("fast hashes never wait for the gate").isEqualTo(PasswordCheck.MATCHES);

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(busy.check(password, LegacyPasswordHashes.encode(password, 1_000)))
                    .isEqualTo(PasswordCheck.MATCHES_OUTDATED);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
