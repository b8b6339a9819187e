package org.mirrorwatch.probing.http;

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
 * files (a suite's InRelease), which go through the same scheduler, address guard and deadline. This class wires the network
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
public final class ProbeClient implements HeadClient, GetClient, HttpsChecker, AutoCloseable {

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
        CompletableFuture<HeadResult> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            failures.incrementAndGet();
            result.complete(new HeadResult.Failed(url, new ProbeFailure.InvalidUrl(e.getReason())));
            return result;
        }
        enqueue(new Pending(url, uri, 0, 0, result));
        return result;
    }

    /**
     * A GET of a small file through the same scheduler, address guard, redirect rule and total deadline as
     * a HEAD (the body counts against the deadline too). A body announced or grown beyond {@code maxBytes}
     * aborts the request. Over FTP nothing is fetched: the answer is a failure.
     */
    @Override
    public CompletableFuture<HeadResult> get(String url, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("A GET needs a positive body limit, not " + maxBytes);
        }
        CompletableFuture<HeadResult> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            failures.incrementAndGet();
            result.complete(new HeadResult.Failed(url, new ProbeFailure.InvalidUrl(e.getReason())));
            return result;
        }
        if ("ftp".equalsIgnoreCase(uri.getScheme())) {
            fail(new Pending(url, uri, 0, maxBytes, result), new ProbeFailure.UnknownScheme(uri));
            return result;
        }
        enqueue(new Pending(url, uri, 0, maxBytes, result));
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
        if (pending.isGet()) {
            limitBody(request, pending);
        }
        jetty.resolveDestination(request).newConnection(Promise.from(connection -> {
            // Rounded up, so that Jetty's timeout fires at the deadline, not before it.
            long left = (deadline - System.nanoTime() + 999_999) / 1_000_000;
            if (left <= 0) {
                finish(pending, connection, Answer.failed(new TimeoutException("connecting took the whole deadline")));
                return;
            }
            request.timeout(left, TimeUnit.MILLISECONDS);
            connection.send(request, result -> finish(pending, connection, pastDeadline(Answer.of(result), deadline)));
        }, failure -> {
            // A connection that failed to open was closed before Jetty reported it.
            answered(pending, pastDeadline(Answer.failed(failure), deadline));
            released(pending);
        }));
    }

    /**
     * Keeps a GET's body in {@code pending.body}, and aborts the response as soon as its announced length
     * or the bytes received pass the limit, so a large or endless body costs at most the limit.
     */
    private static void limitBody(Request request, Pending pending) {
        request.onResponseHeaders(response -> {
            long announced = Answer.contentLength(response.getHeaders().getValuesList(HttpHeader.CONTENT_LENGTH));
            if (announced > pending.maxBody) {
                response.abort(new BodyTooLargeException(pending.maxBody));
            }
        });
        request.onResponseContent((response, content) -> {
            if (pending.body.size() + content.remaining() > pending.maxBody) {
                response.abort(new BodyTooLargeException(pending.maxBody));
                return;
            }
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            pending.body.write(bytes, 0, bytes.length);
        });
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
                : classifier.classify(rootAbort(answer.failure()), pending.uri, pending.isGet() ? "GET" : "HEAD");
        scheduler.ended(pending.host(), RequestEnd.of(failure))
                .ifPresent(skip -> skip.dropped().forEach(dropped -> fail(dropped, skip.reason())));
        if (failure != null) {
            fail(pending, failure);
            return;
        }
        int status = answer.status();
        if (status == HttpStatus.OK_200) {
            pending.result.complete(pending.isGet() ? new HeadResult.Fetched(pending.originalUrl,
                    pending.body.toByteArray()) : new HeadResult.Found(pending.originalUrl, answer.contentLength()));
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
            enqueue(new Pending(pending.originalUrl, follow.target(), pending.hops + 1, pending.maxBody,
                    pending.result));
        }
    }

    /** Gives the request's slot back, once the connection it used is closed, and sends what may go now. */
    private void released(Pending pending) {
        scheduler.closed(pending.host());
        dispatch();
    }

    private void fail(Pending pending, ProbeFailure failure) {
        failures.incrementAndGet();
        pending.result.complete(new HeadResult.Failed(pending.originalUrl, failure));
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

    /** The body limit's own abort, wherever Jetty wrapped it; otherwise the failure as it came. */
    private static Throwable rootAbort(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return cause;
            }
        }
        return failure;
    }

    /**
     * A request waiting for its host's turn, or a redirect hop of one.
     *
     * @param maxBody 0 for a HEAD; for a GET, the most body bytes read
     * @param body    a GET's body as it arrives (Jetty delivers one response's content on one thread at a time)
     */
    private record Pending(String originalUrl, URI uri, int hops, int maxBody, CompletableFuture<HeadResult> result,
            java.io.ByteArrayOutputStream body) {

        Pending(String originalUrl, URI uri, int hops, int maxBody, CompletableFuture<HeadResult> result) {
            this(originalUrl, uri, hops, maxBody, result, new java.io.ByteArrayOutputStream());
        }

        boolean isGet() {
            return maxBody > 0;
        }

        /** The scheduler's name for the host: a mirror's politeness is per host and port. */
        String host() {
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        }
    }
}
