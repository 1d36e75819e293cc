package io.agentevents.adapter.postgres.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LISTEN connection's sockets: a 1 ms read is a look at what has arrived, longer reads wait as usual. */
class ListenSocketFactoryTest {

    private ServerSocket server;
    private Socket client;
    private Socket accepted;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new ListenSocketFactory().createSocket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        accepted = server.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        accepted.close();
        server.close();
    }

    @Test
    void aLookAtNothingEndsAsATimeoutAndLeavesTheSocketUsable() throws Exception {
        client.setSoTimeout(ListenSocketFactory.LOOK_MILLIS);
        InputStream input = client.getInputStream();

        assertThatThrownBy(input::read).isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> input.read(new byte[8], 0, 8)).isInstanceOf(SocketTimeoutException.class);

        accepted.getOutputStream().write(42);
        client.setSoTimeout(10_000);
        assertThat(input.read()).isEqualTo(42);
    }

    @Test
    void aLookReadsWhatHasArrived() throws Exception {
        OutputStream server = accepted.getOutputStream();
        server.write(new byte[] {1, 2});
        InputStream input = client.getInputStream();
        client.setSoTimeout(10_000);
        assertThat(input.read()).isEqualTo(1); // waited for: the second byte has arrived with it

        client.setSoTimeout(ListenSocketFactory.LOOK_MILLIS);
        assertThat(input.read()).isEqualTo(2);
    }

    @Test
    void readsWithoutATimeoutOrWithALongerOneWaitForData() throws Exception {
        InputStream input = client.getInputStream();
        client.setSoTimeout(20);
        assertThatThrownBy(input::read).isInstanceOf(SocketTimeoutException.class);

        client.setSoTimeout(0);
        Thread writer = new Thread(() -> {
            try {
                accepted.getOutputStream().write(7);
            } catch (Exception ignored) {
                // the read below fails the test
            }
        });
        writer.start();
        assertThat(input.read()).isEqualTo(7);
        writer.join();
    }

    @Test
    void connectsByHostAndPortToo() throws Exception {
        try (Socket byName = new ListenSocketFactory().createSocket("127.0.0.1", server.getLocalPort());
             Socket peer = server.accept()) {
            assertThat(byName.isConnected()).isTrue();
            peer.getOutputStream().write(9);
            byName.setSoTimeout(10_000);
            assertThat(byName.getInputStream().read()).isEqualTo(9);
        }
    }
}
