package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP hosts that count the TCP connections a client holds open to each of them, and to all of them,
 * as the server sees them: a connection is open from its accept until its client's close (the FIN)
 * reaches this side. Each host answers HEAD with 200 at once and keeps the connection alive, except for
 * paths that contain "/silent/", which it never answers.
 *
 * <p>One thread serves every host, so the counts need no locks. A connection's close is noticed when
 * its FIN is read, which a busy thread could do only after accepting a newer connection; so after each
 * accept, every open connection is read first and only then is the new one counted. A client that
 * closed before it connected again is thereby never counted twice.
 */
public final class ConnectionCountingFarm implements AutoCloseable {

    /** One fake mirror host, on its own loopback address. */
    public final class Host {
        private final ServerSocketChannel listener;
        private int open;
        private volatile int peak;
        private volatile int accepted;

        private Host(ServerSocketChannel listener) {
            this.listener = listener;
        }

        /** The root URL, e.g. http://127.0.100.7:40211/. */
        public String baseUrl() {
            InetSocketAddress address = (InetSocketAddress) listener.socket().getLocalSocketAddress();
            return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/";
        }

        /** The most connections this host ever had open at once. */
        public int peakOpenConnections() {
            return peak;
        }

        public int acceptedConnections() {
            return accepted;
        }
    }

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<Host> hosts = new ArrayList<>();
    private final Map<SocketChannel, Host> connections = new HashMap<>();
    private final Map<SocketChannel, StringBuilder> unread = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final Thread thread;
    private int open;
    private volatile int peak;
    private volatile boolean closed;

    public ConnectionCountingFarm(int hostCount) {
        try {
            selector = Selector.open();
            for (int i = 0; i < hostCount; i++) {
                ServerSocketChannel listener = ServerSocketChannel.open();
                listener.bind(new InetSocketAddress(InetAddress.getByName(FakeMirrorFarm.nextAddress()), 0), 200);
                listener.configureBlocking(false);
                Host host = new Host(listener);
                listener.register(selector, SelectionKey.OP_ACCEPT, host);
                hosts.add(host);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the farm", e);
        }
        thread = new Thread(this::serve, "connection-counting-farm");
        thread.setDaemon(true);
        thread.start();
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** The most connections open at once across all hosts. */
    public int peakOpenConnections() {
        return peak;
    }

    private void serve() {
        try {
            while (!closed) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept((Host) key.attachment());
                    } else if (key.isReadable()) {
                        read((SocketChannel) key.channel());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void accept(Host host) throws IOException {
        SocketChannel channel;
        while ((channel = host.listener.accept()) != null) {
            for (SocketChannel other : List.copyOf(connections.keySet())) {
                read(other);
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            connections.put(channel, host);
            unread.put(channel, new StringBuilder());
            host.accepted++;
            host.peak = Math.max(host.peak, ++host.open);
            peak = Math.max(peak, ++open);
        }
    }

    /** Reads what the client sent, answers the complete requests, and notices a close. */
    private void read(SocketChannel channel) throws IOException {
        StringBuilder text = unread.get(channel);
        if (text == null) {
            return;
        }
        while (true) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                n = -1;
            }
            if (n == 0) {
                break;
            }
            if (n < 0) {
                closed(channel);
                return;
            }
            text.append(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII));
        }
        int end;
        while ((end = text.indexOf("\r\n\r\n")) >= 0) {
            String requestLine = text.substring(0, text.indexOf("\r\n"));
            text.delete(0, end + 4);
            if (!requestLine.contains("/silent/")) {
                try {
                    channel.write(ByteBuffer.wrap(OK));
                } catch (IOException e) {
                    closed(channel);
                    return;
                }
            }
        }
    }

    private void closed(SocketChannel channel) throws IOException {
        Host host = connections.remove(channel);
        unread.remove(channel);
        channel.close();
        host.open--;
        open--;
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5000);
            for (SocketChannel channel : connections.keySet()) {
                channel.close();
            }
            for (Host host : hosts) {
                host.listener.close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
