package dev.picotool.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets for Paho's plain {@code tcp://} network module whose streams go through {@link MqttWireFilter}. With TLS
 * the socket does the handshake itself, over the TCP connection, and checks the broker's host name as HTTPS does
 * (what Paho's {@code setHttpsHostnameVerificationEnabled} would do on {@code ssl://}). Paho 1.2.5's
 * {@code TCPNetworkModule} calls only {@code connect}, {@code setSoTimeout}, the two streams and {@code close}; the
 * connection lives in an inner socket, so layering TLS never reads through our own filtered streams.
 */
final class FilteredSockets extends SocketFactory {
    private final TopicAliases aliases;
    private final int maxPayload;
    private final Optional<SSLSocketFactory> tls;
    private final String host;

    /** @param host the broker's name as the user gave it: TLS checks the certificate against it */
    FilteredSockets(TopicAliases aliases, int maxPayload, Optional<SSLSocketFactory> tls, String host) {
        this.aliases = aliases;
        this.maxPayload = maxPayload;
        this.tls = tls;
        this.host = host;
    }

    @Override
    public Socket createSocket() {
        return new FilteredSocket();
    }

    @Override
    public Socket createSocket(String h, int port) throws IOException {
        return connected(new InetSocketAddress(h, port));
    }

    @Override
    public Socket createSocket(String h, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(h, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(SocketAddress to) throws IOException {
        Socket s = new FilteredSocket();
        s.connect(to);
        return s;
    }

    private final class FilteredSocket extends Socket {
        private final Socket tcp = new Socket();
        private Socket wire = tcp;
        private InputStream in;
        private OutputStream out;

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeoutMs) throws IOException {
            tcp.connect(endpoint, timeoutMs);
            if (tls.isPresent()) {
                int port = ((InetSocketAddress) endpoint).getPort();
                SSLSocket s = (SSLSocket) tls.get().createSocket(tcp, host, port, true);
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.setSoTimeout(timeoutMs);
                s.startHandshake();
                wire = s;
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = MqttWireFilter.inbound(wire.getInputStream(), aliases, maxPayload);
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = MqttWireFilter.outbound(wire.getOutputStream(), aliases);
            }
            return out;
        }

        @Override
        public void setSoTimeout(int timeoutMs) throws java.net.SocketException {
            wire.setSoTimeout(timeoutMs);
        }

        @Override
        public int getSoTimeout() throws java.net.SocketException {
            return wire.getSoTimeout();
        }

        @Override
        public boolean isConnected() {
            return wire.isConnected();
        }

        @Override
        public boolean isClosed() {
            return wire.isClosed();
        }

        @Override
        public void close() throws IOException {
            wire.close();
            tcp.close();
        }
    }
}
