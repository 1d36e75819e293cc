package io.agentevents.adapter.postgres.listen;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.SocketFactory;

/**
 * Sockets for the LISTEN connection ({@link PostgresEventSignals}). After each notification the
 * driver looks for more by reading with a 1 ms timeout, and that look ends only when the
 * millisecond is over, so every notification reached its listener at least 1 ms late. On these
 * sockets a read with a timeout of 1 ms or less is a look: it answers at once from what has
 * arrived, and ends as a timeout would when nothing has. A notification a moment later is not
 * lost: the listener's next wait reads it. Reads with longer timeouts wait as on any socket.
 *
 * <p>Named in the driver's {@code socketFactory} property, so the driver instantiates it.
 */
public final class ListenSocketFactory extends SocketFactory {

    /** The longest timeout that is a look rather than a wait. */
    static final int LOOK_MILLIS = 1;

    @Override
    public Socket createSocket() {
        return new LookingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress... local) throws IOException {
        Socket socket = new LookingSocket();
        try {
            if (local.length > 0) {
                socket.bind(local[0]);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
    }

    /** A socket whose reads with a timeout of at most {@link #LOOK_MILLIS} never wait. */
    static final class LookingSocket extends Socket {

        private volatile int timeoutMillis;
        private InputStream input;

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            super.setSoTimeout(timeout);
            timeoutMillis = timeout;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new LookingInput(super.getInputStream());
            }
            return input;
        }

        private final class LookingInput extends FilterInputStream {

            LookingInput(InputStream socketInput) {
                super(socketInput);
            }

            @Override
            public int read() throws IOException {
                lookFirst();
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                lookFirst();
                return super.read(buffer, offset, length);
            }

            /** A look that finds nothing ends as its timeout would have, without the wait. */
            private void lookFirst() throws IOException {
                int timeout = timeoutMillis;
                if (timeout > 0 && timeout <= LOOK_MILLIS && in.available() == 0) {
                    throw new SocketTimeoutException("nothing has arrived");
                }
            }
        }
    }
}
