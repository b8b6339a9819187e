package org.mirrorwatch.probing.http;

import org.mirrorwatch.platform.AddressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * HEAD requests for one round. Requests wait in a queue per host and are sent only while their host has
 * fewer than {@code perHost} in flight and the round fewer than {@code overall}, so no thread ever waits
 * on a socket and no host sees more than its allowance. Counters and host state belong to this object,
 * which lives as long as its round.
 *
 * <p>A slot is a connection, as the mirror counts them: each HTTP request gets a connection of its own,
 * which is closed when the request ends, and the slot is given back only once the socket is closed.
 * Jetty's pool would keep idle connections open to hosts whose slots went elsewhere, and it hands a
 * timed-out connection's place on before closing it. Launchpad's prober, too, opens one connection per
 * request.
 */
public final class ProbeClient implements AutoCloseable {

    private final ProbeLimits limits;
    private final HttpClient jetty;
    private final FtpTransport ftp;
    private final FailureClassifier classifier;
    private final RedirectPolicy redirects;

    private final Object lock = new Object();
    private final Map<String, Host> hosts = new HashMap<>();
    private final Deque<Host> ready = new ArrayDeque<>();
    private int inFlight;

    /** Completed when Jetty has closed the connection's socket; entries live from the close to the release. */
    private final Map<org.eclipse.jetty.io.Connection, CompletableFuture<Void>> closes = new ConcurrentHashMap<>();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param threads where Jetty's threads come from: the container's ManagedThreadFactory in the
     *                application, so that they carry its context
     */
    public ProbeClient(ProbeLimits limits, AddressGuard guard, ThreadFactory threads, int ftpThreads) {
        this.limits = limits;
        this.classifier = new FailureClassifier(limits.timeout(), limits.maxHeaderBytes());
        this.redirects = new RedirectPolicy(limits.maxRedirects());
        QueuedThreadPool pool = new QueuedThreadPool(16, 2, 60_000, -1, null, null, threads);
        pool.setName("mirrorwatch-probe-http");
        jetty = new HttpClient();
        jetty.setExecutor(pool);
        jetty.setFollowRedirects(false);
        jetty.setConnectTimeout(limits.timeout().toMillis());
        jetty.setIdleTimeout(limits.timeout().toMillis());
        jetty.setMaxResponseHeadersSize(limits.maxHeaderBytes());
        jetty.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, limits.userAgent()));
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("mirrorwatch-probe-timeouts", true);
        jetty.setScheduler(scheduler);
        jetty.setSocketAddressResolver(new GuardedResolver(new SocketAddressResolver.Async(pool, scheduler,
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
        ftp = new FtpTransport(limits, guard, threads, ftpThreads, scheduler);
    }

    /** HEAD on the URL, following up to the allowed redirects to the same file name. Never fails exceptionally. */
    public CompletableFuture<HeadResult> head(String url) {
        CompletableFuture<HeadResult> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            failures.incrementAndGet();
            result.complete(HeadResult.failed(url, "not a valid URL: " + e.getReason()));
            return result;
        }
        enqueue(new Pending(url, uri, 0, result));
        return result;
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
            fail(pending, HeadResult.failed(pending.originalUrl, "unknown scheme in " + pending.uri));
            return;
        }
        if (pending.uri.getHost() == null) {
            fail(pending, HeadResult.failed(pending.originalUrl, "no host in " + pending.uri));
            return;
        }
        String skipped;
        synchronized (lock) {
            Host host = hosts.computeIfAbsent(hostKey(pending.uri), Host::new);
            skipped = host.skipReason;
            if (skipped == null) {
                host.queue.add(pending);
                makeReady(host);
            }
        }
        if (skipped != null) {
            fail(pending, HeadResult.failed(pending.originalUrl, skipped));
            return;
        }
        dispatch();
    }

    /** Sends what the limits allow. Sending is non-blocking, so it happens outside the lock. */
    private void dispatch() {
        while (true) {
            Pending next;
            synchronized (lock) {
                if (inFlight >= limits.overall() || ready.isEmpty()) {
                    return;
                }
                Host host = ready.poll();
                host.inReady = false;
                next = host.queue.poll();
                host.inFlight++;
                host.requests++;
                inFlight++;
                makeReady(host);
            }
            send(next);
        }
    }

    private void makeReady(Host host) {
        if (!host.inReady && !host.queue.isEmpty() && host.inFlight < limits.perHost()) {
            ready.add(host);
            host.inReady = true;
        }
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
        Request request = jetty.newRequest(pending.uri).method(HttpMethod.HEAD);
        jetty.resolveDestination(request).newConnection(Promise.from(connection -> {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                finish(pending, connection, Answer.failed(new TimeoutException("connecting took the whole deadline")));
                return;
            }
            request.timeout(left, TimeUnit.MILLISECONDS);
            connection.send(request, result -> finish(pending, connection, Answer.of(result)));
        }, failure -> {
            // A connection that failed to open was closed before Jetty reported it.
            answered(pending, Answer.failed(failure));
            released(pending);
        }));
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

    /** Counts a timeout against the host, and completes the request or queues its redirect. */
    private void answered(Pending pending, Answer answer) {
        boolean timedOut = answer.failure() != null
                && classifier.classify(answer.failure(), pending.uri) instanceof ProbeFailure.Timeout;
        Host host;
        boolean justSkipped = false;
        synchronized (lock) {
            host = hosts.get(hostKey(pending.uri));
            if (timedOut) {
                host.timeouts++;
                if (host.skipReason == null && host.requests >= ProbeLimits.MIN_REQUESTS_TO_JUDGE_HOST
                        && host.requests < (long) ProbeLimits.MIN_REQUESTS_PER_TIMEOUT * host.timeouts) {
                    host.skipReason = "skipped: " + host.name + " timed out on " + host.timeouts + " of "
                            + host.requests + " requests, so its other requests in this round are not sent";
                    justSkipped = true;
                }
            }
        }
        if (justSkipped) {
            failQueued(host);
        }
        HeadResult outcome = outcome(pending, answer);
        if (outcome != null) {
            if (!outcome.found()) {
                failures.incrementAndGet();
            }
            pending.result.complete(outcome);
        }
    }

    /** Gives the request's slot back, once the connection it used is closed, and sends what may go now. */
    private void released(Pending pending) {
        synchronized (lock) {
            Host host = hosts.get(hostKey(pending.uri));
            host.inFlight--;
            inFlight--;
            makeReady(host);
        }
        dispatch();
    }

    private void failQueued(Host host) {
        Deque<Pending> dropped;
        synchronized (lock) {
            dropped = new ArrayDeque<>(host.queue);
            host.queue.clear();
        }
        for (Pending pending : dropped) {
            fail(pending, HeadResult.failed(pending.originalUrl, host.skipReason));
        }
    }

    private void fail(Pending pending, HeadResult result) {
        failures.incrementAndGet();
        pending.result.complete(result);
    }

    /** The result of this hop, or null when a redirect hop was queued instead. */
    private HeadResult outcome(Pending pending, Answer answer) {
        String url = pending.originalUrl;
        if (answer.failure() != null) {
            ProbeFailure failure = classifier.classify(answer.failure(), pending.uri);
            return failure instanceof ProbeFailure.Timeout ? HeadResult.timeout(url, failure.reason())
                    : HeadResult.failed(url, failure.reason());
        }
        int status = answer.status();
        if (status == HttpStatus.OK_200) {
            return HeadResult.ok(url);
        }
        if (answer.ftpReply() != null) {
            return HeadResult.failed(url, answer.ftpReply());
        }
        if (RedirectPolicy.isRedirect(status)) {
            return redirect(pending, answer.location());
        }
        return HeadResult.failed(url, status + " " + HttpStatus.getMessage(status));
    }

    private HeadResult redirect(Pending pending, String location) {
        RedirectPolicy.Decision decision = redirects.decide(pending.uri, pending.hops, location);
        if (decision instanceof RedirectPolicy.Refuse refuse) {
            return HeadResult.failed(pending.originalUrl, refuse.failure().reason());
        }
        enqueue(new Pending(pending.originalUrl, ((RedirectPolicy.Follow) decision).target(), pending.hops + 1,
                pending.result));
        return null;
    }

    private static String hostKey(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
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

    /** A request waiting for its host's turn, or a redirect hop of one. */
    private record Pending(String originalUrl, URI uri, int hops, CompletableFuture<HeadResult> result) {
    }

    /** One host's queue and counters, for this round. */
    private static final class Host {
        final String name;
        final Deque<Pending> queue = new ArrayDeque<>();
        int inFlight;
        long requests;
        long timeouts;
        boolean inReady;
        String skipReason;

        Host(String name) {
            this.name = name;
        }
    }
}
