package org.mirrorwatch.probing.http;

import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.platform.AddressGuard;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.mirrorwatch.probing.http.HostScheduler.RequestEnd;

/**
 * HEAD requests for one round, over Jetty's non-blocking client (and FTP), and the bounded GETs of small
 * files (a trace file, a suite's InRelease), which go through the same scheduler, address guard and
 * deadline. This class wires the network
 * to the parts that decide: {@link HostScheduler} says what may start, {@link RedirectPolicy} which
 * redirects to follow, {@link FailureClassifier} what kind of failure an exception is. No thread waits
 * on a socket. It lives as long as its round, and so does the scheduler's state.
 *
 * <p>A slot is a connection, as the mirror counts them: each HTTP request gets a connection of its own,
 * which is closed when the request ends, and the slot is given back only once the socket is closed.
 * Jetty's pool would keep idle connections open to hosts whose slots went elsewhere, and it hands a
 * timed-out connection's place on before closing it. Launchpad's prober, too, opens one connection per
 * request.
 */
public final class ProbeClient implements HeadClient, PinnedHeadClient, BodyClient, HttpsChecker, AutoCloseable {

    private final ProbeLimits limits;
    private final HttpClient jetty;
    private final FtpTransport ftp;
    private final FailureClassifier classifier;
    private final RedirectPolicy redirects;
    private final HostScheduler<Pending> scheduler;
    private final CertificateRecorder certificates;

    /** Completed when Jetty has closed the connection's socket; entries live from the close to the release. */
    private final Map<org.eclipse.jetty.io.Connection, CompletableFuture<Void>> closes = new ConcurrentHashMap<>();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param threads where Jetty's threads come from: the container's ManagedThreadFactory in the
     *                application, so that they carry its context
     * @param trust   the authorities HTTPS servers' certificates must chain to
     * @param clock   the time certificates are judged at
     */
    public ProbeClient(ProbeLimits limits, AddressGuard guard, ThreadFactory threads, int ftpThreads, TlsTrust trust,
            Clock clock) {
        this.limits = limits;
        this.classifier = new FailureClassifier(limits.timeout(), limits.maxHeaderBytes());
        this.redirects = new RedirectPolicy(limits.maxRedirects());
        this.scheduler = new HostScheduler<>(limits.perHost(), limits.overall());
        QueuedThreadPool pool = new QueuedThreadPool(16, 2, 60_000, -1, null, null, threads);
        pool.setName("mirrorwatch-probe-http");
        certificates = new CertificateRecorder(trust, clock);
        jetty = new HttpClient();
        jetty.setSslContextFactory(tlsFor(certificates));
        jetty.setExecutor(pool);
        jetty.setFollowRedirects(false);
        jetty.setConnectTimeout(limits.timeout().toMillis());
        jetty.setIdleTimeout(limits.timeout().toMillis());
        jetty.setMaxResponseHeadersSize(limits.maxHeaderBytes());
        jetty.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, limits.userAgent()));
        ScheduledExecutorScheduler timers = new ScheduledExecutorScheduler("mirrorwatch-probe-timeouts", true);
        jetty.setScheduler(timers);
        jetty.setSocketAddressResolver(new GuardedResolver(new SocketAddressResolver.Async(pool, timers,
                limits.timeout().toMillis()), guard));
        // Jetty adds the client's event listeners to every connection it opens, so no close goes unseen,
        // not even one that happens before this class learns of the connection.
        jetty.addBean(new org.eclipse.jetty.io.Connection.Listener() {
            @Override
            public void onClosed(org.eclipse.jetty.io.Connection connection) {
                closeOf(connection).complete(null);
            }
        });
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("The probe HTTP client did not start", e);
        }
        ftp = new FtpTransport(limits, guard, threads, ftpThreads, timers);
    }

    @Override
    public CompletableFuture<HeadResult> head(String url) {
        return head(url, null);
    }

    /**
     * HEAD on the URL over one address family: Jetty tags the request with the family, which keeps it on a
     * destination of its own, and the {@link GuardedResolver} hands it only the first allowed address of
     * that family. The host's limits, the deadline and the guard hold as for any request.
     */
    @Override
    public CompletableFuture<HeadResult> headOver(String url, AddressFamily family) {
        return head(url, java.util.Objects.requireNonNull(family));
    }

    private CompletableFuture<HeadResult> head(String url, AddressFamily family) {
        CompletableFuture<HeadResult> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            failures.incrementAndGet();
            result.complete(new HeadResult.Failed(url, new ProbeFailure.InvalidUrl(e.getReason())));
            return result;
        }
        enqueue(new Pending(url, uri, 0, family, result, null, 0));
        return result;
    }

    /**
     * A GET of a small file, such as a trace: the same scheduler, limits, deadline, redirect rules and
     * address guard as a HEAD, and the body read up to {@code maxBytes} (a longer one, announced or sent,
     * fails the request and its connection is closed). HTTP(S) only.
     */
    @Override
    public CompletableFuture<GetResult> get(String url, int maxBytes) {
        CompletableFuture<GetResult> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            failures.incrementAndGet();
            result.complete(new GetResult.Failed(url, new ProbeFailure.InvalidUrl(e.getReason())));
            return result;
        }
        if ("ftp".equalsIgnoreCase(uri.getScheme())) {
            failures.incrementAndGet();
            result.complete(new GetResult.Failed(url, new ProbeFailure.InvalidUrl("files are read over HTTP(S) only")));
            return result;
        }
        enqueue(new Pending(url, uri, 0, null, null, result, maxBytes));
        return result;
    }

    /**
     * The TLS check of an HTTPS URL's host: a HEAD of the URL, whose handshake the round's trust manager
     * judges and remembers. It is an ordinary request, so the host's limits, the deadline and the address
     * guard hold for it as for any other; its answer does not matter, only the certificate does.
     */
    @Override
    public CompletableFuture<HttpsHandshake> handshake(String httpsUrl) {
        return head(httpsUrl).thenApply(result -> {
            URI uri;
            try {
                uri = new URI(httpsUrl);
            } catch (URISyntaxException e) {
                return new HttpsHandshake.NotCompleted(result.reason());
            }
            if (uri.getHost() == null) {
                return new HttpsHandshake.NotCompleted(result.reason());
            }
            return certificates.seen(uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort())
                    .<HttpsHandshake>map(HttpsHandshake.Completed::new)
                    .orElseGet(() -> new HttpsHandshake.NotCompleted(result.reason()));
        });
    }

    /**
     * Jetty's TLS with the round's trust manager. Endpoint identification stays on ("HTTPS" is Jetty's
     * default); as the trust manager is an extended one, the JDK leaves the name check to it.
     */
    private static SslContextFactory.Client tlsFor(CertificateRecorder certificates) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {certificates}, null);
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(context);
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no TLS context", e);
        }
    }

    /**
     * Whether this JVM resolves and connects over IPv6 at all: not when {@code java.net.preferIPv4Stack} is
     * true (WildFly's standalone.conf passes it, and Payara Micro sets it from its payara-boot.properties
     * unless the command line says otherwise): the JDK's resolver then returns no IPv6 address, so every host
     * would look as if it published none. NIO is asked too, as Jetty connects through it.
     */
    public static boolean ipv6Available() {
        if (Boolean.getBoolean("java.net.preferIPv4Stack")) {
            return false;
        }
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.StandardProtocolFamily.INET6)) {
            return channel.isOpen();
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return false;
        }
    }

    /** Requests sent so far, redirect hops included. */
    public long requests() {
        return requests.get();
    }

    /** Requests that did not end in a 200: errors, timeouts, other statuses and skipped ones. */
    public long failures() {
        return failures.get();
    }

    private void enqueue(Pending pending) {
        String scheme = pending.uri.getScheme() == null ? "" : pending.uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
            fail(pending, new ProbeFailure.UnknownScheme(pending.uri));
            return;
        }
        if (pending.uri.getHost() == null) {
            fail(pending, new ProbeFailure.NoHost(pending.uri));
            return;
        }
        scheduler.offer(pending.host(), pending).ifPresentOrElse(skipped -> fail(pending, skipped), this::dispatch);
    }

    /** Sends what the limits allow. Sending does not block, so the scheduler's lock is not held meanwhile. */
    private void dispatch() {
        scheduler.startable().forEach(this::send);
    }

    private void send(Pending pending) {
        requests.incrementAndGet();
        if ("ftp".equalsIgnoreCase(pending.uri.getScheme())) {
            // The FTP transport has closed its control connection by the time it answers.
            ftp.send(pending.uri, answer -> {
                answered(pending, answer);
                released(pending);
            });
            return;
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        Request request = jetty.newRequest(pending.uri).method(pending.isGet() ? HttpMethod.GET : HttpMethod.HEAD);
        if (pending.family != null) {
            request.tag(pending.family);
        }
        CappedBody body = pending.isGet() ? new CappedBody(pending.maxBody) : null;
        if (body != null) {
            request.onResponseHeaders(body::checkLength).onResponseContent(body::add);
        }
        jetty.resolveDestination(request).newConnection(Promise.from(connection -> {
            // Rounded up, so that Jetty's timeout fires at the deadline, not before it.
            long left = (deadline - System.nanoTime() + 999_999) / 1_000_000;
            if (left <= 0) {
                finish(pending, connection, Answer.failed(new TimeoutException("connecting took the whole deadline")));
                return;
            }
            request.timeout(left, TimeUnit.MILLISECONDS);
            connection.send(request, result -> finish(pending, connection,
                    pastDeadline(body == null ? Answer.of(result) : Answer.of(result, body.bytes()), deadline)));
        }, failure -> {
            // A connection that failed to open was closed before Jetty reported it.
            answered(pending, pastDeadline(Answer.failed(failure), deadline));
            released(pending);
        }));
    }

    /**
     * A request that fails once its deadline has passed timed out, whatever Jetty reports: the abort by the
     * timeout races with the request's own progress and may surface as another exception (on a loaded
     * machine, Jetty's connect timeout can close a socket before its endpoint is opened, which Jetty then
     * reports as an IllegalStateException).
     */
    private static Answer pastDeadline(Answer answer, long deadline) {
        if (answer.failure() != null && !FailureClassifier.isTimeout(answer.failure()) && System.nanoTime() - deadline >= 0) {
            TimeoutException timeout = new TimeoutException("the deadline passed");
            timeout.initCause(answer.failure());
            return Answer.failed(timeout);
        }
        return answer;
    }

    private void finish(Pending pending, Connection connection, Answer answer) {
        connection.close();
        answered(pending, answer);
        // Jetty may be closing it on another thread (a timeout aborts the request and closes the
        // connection after telling the listener), so the socket is not necessarily closed yet here.
        CompletableFuture<Void> closed = closeOf((org.eclipse.jetty.io.Connection) connection);
        closed.thenRun(() -> {
            closes.remove(connection);
            released(pending);
        });
    }

    private CompletableFuture<Void> closeOf(org.eclipse.jetty.io.Connection connection) {
        return closes.computeIfAbsent(connection, key -> new CompletableFuture<>());
    }

    /** Tells the scheduler how the request ended, and completes it or queues its redirect. */
    private void answered(Pending pending, Answer answer) {
        ProbeFailure failure = answer.failure() == null ? null
                : classifier.classify(answer.failure(), pending.uri, pending.isGet() ? "GET request" : "HEAD request");
        scheduler.ended(pending.host(), pending.family == null ? RequestEnd.of(failure) : RequestEnd.ofPinned(failure))
                .ifPresent(skip -> skip.dropped().forEach(dropped -> fail(dropped, skip.reason())));
        if (failure != null) {
            fail(pending, failure);
            return;
        }
        int status = answer.status();
        if (status == HttpStatus.OK_200 && pending.isGet()) {
            pending.body.complete(new GetResult.Fetched(pending.originalUrl, answer.body(), answer.lastModified()));
        } else if (status == HttpStatus.OK_200) {
            pending.result.complete(new HeadResult.Found(pending.originalUrl, answer.lastModified(),
                    answer.contentLength()));
        } else if (answer.ftpReply() != null) {
            fail(pending, new ProbeFailure.FtpRefusal(answer.ftpReply()));
        } else if (RedirectPolicy.isRedirect(status)) {
            redirect(pending, answer.location());
        } else {
            fail(pending, new ProbeFailure.UnexpectedStatus(status));
        }
    }

    private void redirect(Pending pending, String location) {
        RedirectPolicy.Decision decision = redirects.decide(pending.uri, pending.hops, location);
        if (decision instanceof RedirectPolicy.Refuse refuse) {
            fail(pending, refuse.failure());
        } else if (decision instanceof RedirectPolicy.Follow follow) {
            enqueue(new Pending(pending.originalUrl, follow.target(), pending.hops + 1, pending.family,
                    pending.result, pending.body, pending.maxBody));
        }
    }

    /** Gives the request's slot back, once the connection it used is closed, and sends what may go now. */
    private void released(Pending pending) {
        scheduler.closed(pending.host());
        dispatch();
    }

    private void fail(Pending pending, ProbeFailure failure) {
        failures.incrementAndGet();
        if (pending.isGet()) {
            pending.body.complete(new GetResult.Failed(pending.originalUrl, failure));
        } else {
            pending.result.complete(new HeadResult.Failed(pending.originalUrl, failure));
        }
    }

    /** A GET's body as it arrives, up to its cap; past the cap (or a Content-Length past it) it aborts the answer. */
    private static final class CappedBody {
        private final int maxBytes;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        CappedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void checkLength(org.eclipse.jetty.client.Response response) {
            long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (length > maxBytes) {
                response.abort(new BodyTooLargeException(maxBytes));
            }
        }

        synchronized void add(org.eclipse.jetty.client.Response response, java.nio.ByteBuffer content) {
            if (bytes.size() + content.remaining() > maxBytes) {
                response.abort(new BodyTooLargeException(maxBytes));
                return;
            }
            byte[] chunk = new byte[content.remaining()];
            content.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    @Override
    public void close() {
        closes.clear();
        ftp.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The probe HTTP client did not stop", e);
        }
    }

    /**
     * A request waiting for its host's turn, or a redirect hop of one: a HEAD completes {@code result}, a
     * GET {@code body}, reading at most {@code maxBody} bytes; {@code family} null for any family.
     */
    private record Pending(String originalUrl, URI uri, int hops, AddressFamily family,
            CompletableFuture<HeadResult> result, CompletableFuture<GetResult> body, int maxBody) {

        boolean isGet() {
            return body != null;
        }

        /** The scheduler's name for the host: a mirror's politeness is per host and port. */
        String host() {
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        }
    }
}
