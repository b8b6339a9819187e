package org.mirrorwatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * One fake mirror host: real HTTP on its own loopback address and a random port. It answers 200 for the
 * paths it serves, a redirect where one is set, and 404 otherwise, after an injectable latency, and it
 * counts requests and the peak of concurrent ones. An HTTPS mirror serves the same files over TLS, with
 * the certificate it was given, and over plain HTTP on a second port, as most mirrors do.
 */
public final class FakeMirror implements AutoCloseable {

    private final HttpServer server;
    /** The plain HTTP listener of an HTTPS mirror; null for a plain one, whose server is plain. */
    private final HttpServer plain;
    private final AtomicInteger tlsHandshakes = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final FakeMirrorFarm farm;
    private final Set<String> files = ConcurrentHashMap.newKeySet();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> lastModified = new ConcurrentHashMap<>();
    private final Set<String> chunked = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private final Set<String> userAgents = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private volatile String redirectEverythingTo;
    private volatile Integer everythingStatus;
    private volatile int answeredBeforeHanging = Integer.MAX_VALUE;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    /** The same port on a second address (e.g. [::1]), for a host with two address families; null without. */
    private volatile HttpServer second;
    private final AtomicInteger secondRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();

    FakeMirror(FakeMirrorFarm farm, String address) {
        this(farm, address, null);
    }

    FakeMirror(FakeMirrorFarm farm, String address, SSLContext tls) {
        this.farm = farm;
        try {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 0);
            if (tls == null) {
                server = HttpServer.create(socket, 200);
                plain = null;
            } else {
                HttpsServer https = HttpsServer.create(socket, 200);
                https.setHttpsConfigurator(counting(tls));
                server = https;
                plain = HttpServer.create(socket, 200);
                plain.setExecutor(threads);
                plain.createContext("/", this::handle);
                plain.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address, e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The root URL, e.g. http://127.0.0.12:40123/ (https://… for an HTTPS mirror). */
    public String baseUrl() {
        return (plain == null ? "http://" : "https://") + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/";
    }

    /** The plain HTTP root URL: the base URL of a plain mirror, the second listener's of an HTTPS one. */
    public String httpBaseUrl() {
        HttpServer http = plain == null ? server : plain;
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort() + "/";
    }

    private HttpsConfigurator counting(SSLContext tls) {
        return new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                tlsHandshakes.incrementAndGet();
                super.configure(parameters);
            }
        };
    }

    /**
     * Listens on the same port at a second address too, e.g. "::1", as a host with both A and AAAA records
     * does: there it serves the same files, or, with {@code answerEverything}, answers every request with
     * that status (a server whose IPv6 goes to the wrong virtual host). Plain mirrors only.
     */
    public FakeMirror alsoListenOn(String address, Integer answerEverything) {
        if (plain != null) {
            throw new IllegalStateException("only a plain mirror listens on a second address");
        }
        try {
            HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address),
                    server.getAddress().getPort()), 200);
            other.setExecutor(threads);
            other.createContext("/", exchange -> {
                secondRequests.incrementAndGet();
                if (answerEverything == null) {
                    handle(exchange);
                    return;
                }
                try (exchange) {
                    exchange.sendResponseHeaders(answerEverything, -1);
                }
            });
            other.start();
            second = other;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address, e);
        }
        return this;
    }

    /** The port, the same on every address it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests that came in on the second address. */
    public int secondAddressRequests() {
        return secondRequests.get();
    }

    /** TLS connections the HTTPS listener accepted (each is configured once, before its handshake). */
    public int tlsConnections() {
        return tlsHandshakes.get();
    }

    /** Serves these paths (relative to the root, e.g. "ubuntu/dists/noble/Release") with 200. */
    public FakeMirror serve(Collection<String> paths) {
        files.addAll(paths);
        return this;
    }

    public FakeMirror serveNothing() {
        files.clear();
        redirects.clear();
        statuses.clear();
        redirectEverythingTo = null;
        return this;
    }

    /** Redirects one path (302) to a URL. */
    public FakeMirror redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    /** Redirects every request (302) to the same path below {@code base}. */
    public FakeMirror redirectEverythingTo(String base) {
        redirectEverythingTo = base;
        return this;
    }

    /** Answers one path with this status instead of 200 or 404. */
    public FakeMirror answer(String path, int status) {
        statuses.put(path, status);
        return this;
    }

    /** Serves a file with a body, answered to GET; HEAD gets its headers. */
    public FakeMirror content(String path, String body) {
        bodies.put(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** Serves a file with a body of these bytes, answered to GET; HEAD gets its headers. */
    public FakeMirror content(String path, byte[] body) {
        bodies.put(path, body.clone());
        return this;
    }

    /** Sends this path's body chunked, without a Content-Length, so only counting its bytes can cap it. */
    public FakeMirror chunked(String path) {
        chunked.add(path);
        return this;
    }

    /** Answers this path with a Last-Modified header of this time. */
    public FakeMirror lastModified(String path, java.time.Instant time) {
        lastModified.put(path, time);
        return this;
    }

    /** Forgets the bodies, dates, sizes and statuses of single paths. */
    public FakeMirror forgetContent() {
        bodies.clear();
        lastModified.clear();
        chunked.clear();
        statuses.clear();
        sizes.clear();
        return this;
    }

    /** Announces this Content-Length in the 200 answer to a HEAD of a served path (none by default). */
    public FakeMirror size(String path, long bytes) {
        sizes.put(path, bytes);
        return this;
    }

    /** Answers every path with this status. */
    public FakeMirror answerEverything(int status) {
        everythingStatus = status;
        return this;
    }

    /**
     * Answers the first {@code answered} requests as usual, and holds every later one without an answer
     * until the mirror is closed: a host that answers some requests and times out on the others.
     */
    public FakeMirror answerOnlyTheFirst(int answered) {
        answeredBeforeHanging = answered;
        return this;
    }

    /** Every User-Agent this host was sent. */
    public Set<String> userAgents() {
        return Set.copyOf(userAgents);
    }

    public FakeMirror latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    /** How often each path (relative to the root, e.g. "a/dists/noble/Release") was requested. */
    public Map<String, Integer> requestsByPath() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        requestsByPath.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    /** The most requests this host ever had in progress at once. */
    public int peakConcurrency() {
        return peak.get();
    }

    public void resetCounters() {
        requests.set(0);
        requestsByPath.clear();
        peak.set(0);
        tlsHandshakes.set(0);
    }

    /**
     * A request is in progress from its arrival until its answer is sent: the client may send the next one
     * the moment it has the answer, so counting any longer would see overlaps the client never caused.
     */
    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        farm.requestStarted();
        int number = requests.incrementAndGet();
        requestsByPath.computeIfAbsent(exchange.getRequestURI().getRawPath().substring(1), path -> new AtomicInteger())
                .incrementAndGet();
        boolean counted = true;
        try {
            if (number > answeredBeforeHanging) {
                closing.await();
                return;
            }
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            String path = exchange.getRequestURI().getRawPath().substring(1);
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            String everything = redirectEverythingTo;
            int status;
            if (everything != null) {
                exchange.getResponseHeaders().add("Location", everything + path);
                status = 302;
            } else if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                status = 302;
            } else if (everythingStatus != null) {
                status = everythingStatus;
            } else if (statuses.containsKey(path)) {
                status = statuses.get(path);
            } else {
                status = files.contains(path) ? 200 : 404;
            }
            byte[] body = status == 404 ? bodies.get(path) : null;
            if (lastModified.containsKey(path)) {
                exchange.getResponseHeaders().add("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(lastModified.get(path).atOffset(java.time.ZoneOffset.UTC)));
            }
            counted = false;
            inFlight.decrementAndGet();
            farm.requestEnded();
            if (body != null && "GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, chunked.contains(path) ? 0 : body.length);
                exchange.getResponseBody().write(body);
            } else {
                Long size = sizes.get(path);
                if (status == 200 && size != null && "HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(size));
                }
                exchange.sendResponseHeaders(body != null ? 200 : status, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
                farm.requestEnded();
            }
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        if (second != null) {
            second.stop(0);
        }
        if (plain != null) {
            plain.stop(0);
        }
        threads.shutdownNow();
    }
}
