package org.mirrorwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's fake mirrors: one listening socket per mirror, each on its own loopback address, all
 * served by a single non-blocking selector thread. A request is answered after the injected latency
 * without any thread sleeping: answers wait in a FIFO (the latency is the same for every request, so
 * the order of arrival is the order of answers) and the selector wakes when the oldest is due.
 *
 * <p>Like {@link org.mirrorwatch.testing.FakeMirror}, a request counts as in progress from the moment
 * its head has arrived until its answer is written, not until the client has read it, so the peaks are
 * the overlap the client caused. The farm also measures itself: how late each answer left compared with
 * its due time, so a starved farm shows up in the report instead of silently inflating the wall time.
 *
 * <p>A host may also be dead ({@link Behaviour}): refusing connections, accepting and never answering, or
 * resetting each connection once its request has arrived. A dead host's requests are counted on the host
 * only; the farm's totals, peaks and answers are those of the hosts that answer, so they still compare with
 * the round's own figures for the live work.
 */
final class BenchFarm implements AutoCloseable {

    /** What a mirror answers: 200 for the paths it has, 404 otherwise; a GET of a trace file has a body. */
    interface Content {
        /** @param lag how far behind the primary archive this mirror is */
        boolean has(String path, Duration lag);

        /** The body of a GET, or null for 404. Only trace files are served with a body. */
        String body(String path, Duration lag);
    }

    /** How a host treats a connection. */
    enum Behaviour {
        /** Serves the mirror: answers every request after the latency. */
        ANSWERING,
        /** Nothing listens on its port: every connection is refused. */
        REFUSING,
        /** Accepts, reads the request and never answers, until the client closes. */
        SILENT,
        /** Reads the request, then resets the connection (RST) without an answer. */
        RESETTING;

        boolean dead() {
            return this != ANSWERING;
        }
    }

    /** One fake mirror host. */
    static final class Host {
        final int index;
        final InetSocketAddress address;
        final Duration lag;
        final Behaviour behaviour;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicLong requests = new AtomicLong();
        /** For a dead host: the requests that reached it (none for a refusing host, whose port is closed). */
        final AtomicLong deadRequests = new AtomicLong();
        /** The requests of each path (query left out): a mirror probed once asks each path once. */
        final Map<String, Integer> requestsByPath = new ConcurrentHashMap<>();

        Host(int index, InetSocketAddress address, Duration lag, Behaviour behaviour) {
            this.index = index;
            this.address = address;
            this.lag = lag;
            this.behaviour = behaviour;
        }

        /** http://127.0.112.7:41234/ */
        String rootUrl() {
            return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/";
        }
    }

    /** Counters of the whole farm, copied at one moment. */
    record Snapshot(long requests, int peakOverall, int maxHostPeak, int minHostPeak, int hostsAtPeak,
            long maxHostRequests, long minHostRequests, long notFound, long answered, double meanHoldMillis,
            double maxHoldMillis, double meanLateMillis, double maxLateMillis, Instant firstRequest,
            Instant lastAnswer, long[] hostRequests, int[] hostPeaks) {
    }

    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

    private final List<Host> hosts = new ArrayList<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Selector selector;
    private final Thread loop;
    private final long latencyNanos;
    private final Content content;
    private final ArrayDeque<Answer> due = new ArrayDeque<>();
    private volatile boolean running = true;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    // Written by the selector thread only; read under the farm's monitor.
    private long answered;
    private long holdNanosSum;
    private long holdNanosMax;
    private long lateNanosSum;
    private long lateNanosMax;
    private volatile Instant firstRequest;
    private volatile Instant lastAnswer;
    private long firstNanos;
    private final long[] perSecond = new long[4 * 3600];

    /**
     * @param addresses one loopback address per mirror
     * @param lags      each mirror's lag, by index
     */
    BenchFarm(List<String> addresses, List<Duration> lags, Duration latency, Content content) {
        this(addresses, lags, addresses.stream().map(address -> Behaviour.ANSWERING).toList(), latency, content);
    }

    /**
     * @param addresses  one loopback address per mirror
     * @param lags       each mirror's lag, by index
     * @param behaviours each mirror's behaviour, by index
     */
    BenchFarm(List<String> addresses, List<Duration> lags, List<Behaviour> behaviours, Duration latency,
            Content content) {
        this.latencyNanos = latency.toNanos();
        this.content = content;
        try {
            selector = Selector.open();
            for (int i = 0; i < addresses.size(); i++) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(new InetSocketAddress(InetAddress.getByName(addresses.get(i)), 0), 1024);
                Host host = new Host(i, (InetSocketAddress) server.getLocalAddress(), lags.get(i), behaviours.get(i));
                hosts.add(host);
                if (host.behaviour == Behaviour.REFUSING) {
                    // The port was bound only to be named: closed, its address refuses every connection.
                    server.close();
                    continue;
                }
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT, host);
                listeners.add(server);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("The benchmark farm could not listen", e);
        }
        loop = new Thread(this::run, "bench-farm-selector");
        loop.setDaemon(true);
        loop.start();
    }

    List<Host> hosts() {
        return hosts;
    }

    /** Forgets the peaks, so that a later phase (mirmon) is measured on its own. */
    synchronized void resetPeaks() {
        peak.set(inFlight.get());
        hosts.forEach(host -> host.peak.set(host.inFlight.get()));
    }

    /** Answers written in each second since the first request arrived, up to the last non-zero second. */
    synchronized long[] answersPerSecond() {
        int last = perSecond.length - 1;
        while (last >= 0 && perSecond[last] == 0) {
            last--;
        }
        return java.util.Arrays.copyOf(perSecond, last + 1);
    }

    /** The answering hosts' figures; a dead host's requests are in {@link Host#deadRequests}. */
    synchronized Snapshot snapshot() {
        List<Host> answering = hosts.stream().filter(h -> !h.behaviour.dead()).toList();
        long[] hostRequests = answering.stream().mapToLong(h -> h.requests.get()).toArray();
        int[] hostPeaks = answering.stream().mapToInt(h -> h.peak.get()).toArray();
        int maxPeak = 0;
        int minPeak = Integer.MAX_VALUE;
        for (int p : hostPeaks) {
            maxPeak = Math.max(maxPeak, p);
            minPeak = Math.min(minPeak, p);
        }
        int atPeak = 0;
        for (int p : hostPeaks) {
            if (p == maxPeak) {
                atPeak++;
            }
        }
        long maxRequests = 0;
        long minRequests = Long.MAX_VALUE;
        for (long r : hostRequests) {
            maxRequests = Math.max(maxRequests, r);
            minRequests = Math.min(minRequests, r);
        }
        return new Snapshot(requests.get(), peak.get(), maxPeak, hostPeaks.length == 0 ? 0 : minPeak, atPeak,
                maxRequests, hostRequests.length == 0 ? 0 : minRequests, notFound.get(), answered,
                answered == 0 ? 0 : holdNanosSum / 1e6 / answered, holdNanosMax / 1e6,
                answered == 0 ? 0 : lateNanosSum / 1e6 / answered, lateNanosMax / 1e6, firstRequest, lastAnswer,
                hostRequests, hostPeaks);
    }

    /**
     * The answering hosts' paths that were asked more than once, as "address path ×count" (at most
     * {@code limit} of them), and how many there are in all: none when each mirror was probed exactly once.
     */
    synchronized Map.Entry<Long, List<String>> pathsAskedMoreThanOnce(int limit) {
        long count = 0;
        List<String> examples = new ArrayList<>();
        for (Host host : hosts) {
            if (host.behaviour.dead()) {
                continue;
            }
            for (Map.Entry<String, Integer> path : host.requestsByPath.entrySet()) {
                if (path.getValue() > 1) {
                    count++;
                    if (examples.size() < limit) {
                        examples.add(host.rootUrl() + " " + path.getKey() + " x" + path.getValue());
                    }
                }
            }
        }
        return Map.entry(count, examples);
    }

    /** A request that has arrived and waits for its answer's due time. */
    private record Answer(Connection connection, long arrived, long dueAt, byte[] bytes, boolean close) {
    }

    /** One accepted connection: what has been read, and the answer being written. */
    private static final class Connection {
        final SocketChannel channel;
        final Host host;
        final SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(4096);
        ByteBuffer out;
        boolean waiting;
        boolean closeAfterWrite;
        boolean closed;

        Connection(SocketChannel channel, Host host, SelectionKey key) {
            this.channel = channel;
            this.host = host;
            this.key = key;
        }
    }

    private void run() {
        try {
            while (running) {
                Answer next = due.peek();
                if (next == null) {
                    selector.select();
                } else {
                    long wait = next.dueAt - System.nanoTime();
                    if (wait <= 0) {
                        selector.selectNow();
                    } else {
                        selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
                    }
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept(key);
                        } else {
                            Connection connection = (Connection) key.attachment();
                            if (key.isWritable()) {
                                flush(connection);
                            }
                            if (key.isValid() && key.isReadable()) {
                                read(connection);
                            }
                        }
                    } catch (IOException e) {
                        if (key.attachment() instanceof Connection connection) {
                            close(connection);
                        }
                    }
                }
                answerDue();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                System.err.println("bench farm: the selector failed: " + e);
            }
        }
    }

    private void accept(SelectionKey key) throws IOException {
        ServerSocketChannel server = (ServerSocketChannel) key.channel();
        Host host = (Host) key.attachment();
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey connectionKey = channel.register(selector, SelectionKey.OP_READ);
            connectionKey.attach(new Connection(channel, host, connectionKey));
        }
    }

    private void read(Connection connection) throws IOException {
        if (!connection.in.hasRemaining()) {
            if (connection.in.capacity() >= 64 * 1024) {
                close(connection);
                return;
            }
            ByteBuffer bigger = ByteBuffer.allocate(connection.in.capacity() * 2);
            connection.in.flip();
            bigger.put(connection.in);
            connection.in = bigger;
        }
        int n = connection.channel.read(connection.in);
        if (n < 0) {
            close(connection);
            return;
        }
        nextRequest(connection);
    }

    /** Starts the next request of the connection if its head has arrived and none is being answered. */
    private void nextRequest(Connection connection) {
        if (connection.waiting || connection.out != null || connection.closed) {
            return;
        }
        ByteBuffer in = connection.in;
        int end = indexOf(in.array(), in.position(), CRLFCRLF);
        if (end < 0) {
            return;
        }
        String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
        in.flip();
        in.position(end + 4);
        in.compact();

        Host host = connection.host;
        if (host.behaviour.dead()) {
            host.deadRequests.incrementAndGet();
            misbehave(connection);
            return;
        }
        long now = System.nanoTime();
        if (firstRequest == null) {
            firstRequest = Instant.now();
            firstNanos = now;
        }
        requests.incrementAndGet();
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        host.requests.incrementAndGet();
        host.peak.accumulateAndGet(host.inFlight.incrementAndGet(), Math::max);

        int lineEnd = head.indexOf("\r\n");
        String requestLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
        String[] parts = requestLine.split(" ");
        String method = parts.length > 0 ? parts[0] : "";
        String target = parts.length > 1 ? parts[1] : "/";
        String version = parts.length > 2 ? parts[2] : "HTTP/1.0";
        String lowerHead = head.toLowerCase(Locale.ROOT);
        boolean close = lowerHead.contains("\r\nconnection: close")
                || (version.equals("HTTP/1.0") && !lowerHead.contains("\r\nconnection: keep-alive"));
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        host.requestsByPath.merge(path, 1, Integer::sum);

        byte[] answer;
        if (method.equals("GET")) {
            String body = content.body(path, host.lag);
            answer = body == null ? response(404, "Not Found", "", close, false) : response(200, "OK", body, close, false);
            if (body == null) {
                notFound.incrementAndGet();
            }
        } else {
            boolean found = content.has(path, host.lag);
            if (!found) {
                notFound.incrementAndGet();
            }
            answer = found ? response(200, "OK", "", close, true) : response(404, "Not Found", "", close, true);
        }
        connection.waiting = true;
        due.add(new Answer(connection, now, now + latencyNanos, answer, close));
    }

    /**
     * A dead host's answer to a request: none. A silent host keeps the connection and reads on (the client's
     * close ends it); a resetting host closes it with an RST.
     */
    private static void misbehave(Connection connection) {
        if (connection.host.behaviour == Behaviour.RESETTING) {
            try {
                connection.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // closed by the client already; nothing left to reset
            }
            close(connection);
            return;
        }
        connection.waiting = true;
    }

    private static byte[] response(int status, String reason, String body, boolean close, boolean head) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String text = "HTTP/1.1 " + status + " " + reason + "\r\nServer: mirrorwatch-bench-farm\r\nContent-Length: "
                + bodyBytes.length + "\r\nContent-Type: text/plain\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n"
                + (head ? "" : body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes every answer whose latency has passed; the request stops counting as it is written. */
    private void answerDue() {
        long now = System.nanoTime();
        Answer answer;
        while ((answer = due.peek()) != null && answer.dueAt <= now) {
            due.poll();
            Connection connection = answer.connection;
            inFlight.decrementAndGet();
            connection.host.inFlight.decrementAndGet();
            synchronized (this) {
                answered++;
                long hold = now - answer.arrived;
                long late = now - answer.dueAt;
                holdNanosSum += hold;
                holdNanosMax = Math.max(holdNanosMax, hold);
                lateNanosSum += late;
                lateNanosMax = Math.max(lateNanosMax, late);
                int second = (int) ((now - firstNanos) / 1_000_000_000L);
                if (second >= 0 && second < perSecond.length) {
                    perSecond[second]++;
                }
            }
            lastAnswer = Instant.now();
            connection.waiting = false;
            if (connection.closed) {
                continue;
            }
            connection.out = ByteBuffer.wrap(answer.bytes);
            connection.closeAfterWrite = answer.close;
            try {
                flush(connection);
            } catch (IOException e) {
                close(connection);
            }
            now = System.nanoTime();
        }
    }

    private void flush(Connection connection) throws IOException {
        if (connection.out == null) {
            connection.key.interestOps(SelectionKey.OP_READ);
            return;
        }
        connection.channel.write(connection.out);
        if (connection.out.hasRemaining()) {
            connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
        }
        connection.out = null;
        connection.key.interestOps(SelectionKey.OP_READ);
        if (connection.closeAfterWrite) {
            close(connection);
            return;
        }
        nextRequest(connection);
    }

    private static void close(Connection connection) {
        connection.closed = true;
        connection.key.cancel();
        try {
            connection.channel.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        if (selector != null) {
            selector.wakeup();
        }
        if (loop != null) {
            try {
                loop.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ServerSocketChannel server : listeners) {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (selector != null) {
            try {
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
                selector.close();
            } catch (IOException | ClosedSelectorException e) {
                // closing anyway
            }
        }
    }
}
