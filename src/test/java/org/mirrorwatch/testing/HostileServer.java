package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server that misbehaves the way broken or hostile mirrors do, below what an HTTP server lets one
 * fake: it never answers, trickles bytes forever, resets the connection, or sends megabytes of headers.
 * It counts the connections it accepted, so a test can show that a refused address was never contacted.
 */
public final class HostileServer implements AutoCloseable {

    /** What the server does with each connection. */
    public enum Behaviour {
        /** Accepts and never answers. */
        SILENT,
        /** Sends a status line, then one header byte every 200 ms, forever. */
        TRICKLE,
        /** Reads the request, then resets the connection (RST). */
        RESET,
        /** Sends 2 MB of headers. */
        HUGE_HEADERS,
        /** Accepts, counts and closes: a listener that must never be reached. */
        COUNT_ONLY,
        /**
         * Answers in plain HTTP once the client has spoken, then holds the connection open and quiet, so a
         * TLS client sees only that it was not TLS, with no close or later bytes racing its handshake failure.
         */
        PLAIN_TEXT
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public HostileServer(String address, Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address, e);
        }
        threads.execute(this::acceptLoop);
    }

    /** The root URL, e.g. http://127.0.100.40:38211/. */
    public String baseUrl() {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + "/";
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many connections reached this server. */
    public int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                accepted.incrementAndGet();
                open.add(connection);
                threads.execute(() -> misbehave(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void misbehave(Socket connection) {
        try {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            switch (behaviour) {
                case SILENT -> in.transferTo(OutputStream.nullOutputStream());
                case PLAIN_TEXT -> {
                    // As a plain HTTP server on the TLS port does: it reads what came (the TLS hello) before it
                    // answers, so the client's hello is sent before any plain byte can fail its handshake.
                    in.read(new byte[1024]);
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    in.transferTo(OutputStream.nullOutputStream());
                }
                case TRICKLE -> {
                    out.write("HTTP/1.1 200 OK\r\nX-Trickle: ".getBytes(StandardCharsets.US_ASCII));
                    while (!closed) {
                        out.write('a');
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case RESET -> {
                    in.read(new byte[1024]);
                    connection.setSoLinger(true, 0);
                    connection.close();
                }
                case HUGE_HEADERS -> {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] line = ("X-Junk: " + "j".repeat(990) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 2048 && !closed; i++) {
                        out.write(line);
                    }
                    out.write("Content-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case COUNT_ONLY -> connection.close();
            }
        } catch (IOException e) {
            // The prober gave up on this connection, as it should.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.shutdownNow();
    }
}
