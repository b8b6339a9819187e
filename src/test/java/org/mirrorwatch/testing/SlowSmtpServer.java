package org.mirrorwatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that takes {@code perMessage} to accept each message, as a loaded relay does: it reads
 * the whole message at once and waits before it answers 250. GreenMail answers at once, so it cannot
 * show what happens to mail queued while a delivery is in progress. Only enough SMTP for Jakarta Mail.
 */
public final class SlowSmtpServer implements AutoCloseable {

    /** One message: when its sender began it (MAIL FROM) and when this server accepted it (the 250). */
    public record Received(String to, String subject, Instant started, Instant accepted) {
    }

    private final ServerSocket socket;
    private final Duration perMessage;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger started = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public SlowSmtpServer(int port, Duration perMessage) {
        this.perMessage = perMessage;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port, e);
        }
        threads.execute(this::acceptLoop);
    }

    /** How many messages a client has begun to send, accepted or not. */
    public int started() {
        return started.get();
    }

    /** The accepted messages, in the order they were accepted. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                open.add(connection);
                threads.execute(() -> converse(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = connection.getOutputStream();
            reply(out, "220 slow.example ESMTP");
            Instant begun = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "MAIL" -> {
                        begun = Instant.now();
                        started.incrementAndGet();
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String to = "";
                        String subject = "";
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.startsWith("To: ")) {
                                to = line.substring(4);
                            } else if (line.startsWith("Subject: ")) {
                                subject = line.substring(9);
                            }
                        }
                        Thread.sleep(perMessage.toMillis());
                        received.add(new Received(to, subject, begun, Instant.now()));
                        reply(out, "250 OK: queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away; what it had sent before is recorded.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resetOpenConnections();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A connection accepted just before the listener closed may have been added after the first pass.
        resetOpenConnections();
    }

    /**
     * Resets, rather than closes politely, every connection: an open or TIME_WAIT socket on this port would
     * keep the mailbox that takes the port back after this server from binding it.
     */
    private void resetOpenConnections() {
        for (Socket connection : open) {
            try {
                if (!connection.isClosed()) {
                    connection.setSoLinger(true, 0);
                }
                connection.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
