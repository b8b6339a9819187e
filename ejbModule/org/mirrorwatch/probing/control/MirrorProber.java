package org.mirrorwatch.probing.control;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mirrorwatch.probing.http.BodyClient;
import org.mirrorwatch.probing.http.CertificateFacts;
import org.mirrorwatch.probing.http.GetResult;
import org.mirrorwatch.probing.http.ProbeFailure;
import org.mirrorwatch.registry.entity.TraceState;
import org.mirrorwatch.probing.http.HeadClient;
import org.mirrorwatch.probing.http.HeadResult;
import org.mirrorwatch.probing.http.HttpsChecker;
import org.mirrorwatch.probing.http.HttpsHandshake;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.TlsCertificate;
import org.mirrorwatch.registry.entity.TlsState;

/**
 * Launchpad's probe of one archive mirror, without blocking: every index file in parallel; for each one
 * found, the newest publication first (found: UP), else the freshest window whose file is there, else
 * UNKNOWN. The results stay in memory; nothing here touches the database.
 *
 * <p>A mirror whose base URL is HTTPS has its TLS checked first, once per host and port in the round
 * (mirrors of several distributions often share one). When clients cannot use its HTTPS, its content is
 * probed at its HTTP (or FTP) URL instead, so a broken certificate alone never disables a mirror that
 * serves the archive another way. A prober lives as long as its round.
 */
public final class MirrorProber {

    /** The most a trace file may have; a larger one is not read to its end. */
    public static final int TRACE_MAX_BYTES = 64 * 1024;

    private final HeadClient http;
    private final BodyClient body;
    private final HttpsChecker https;
    private final Clock clock;
    private final Map<String, CompletableFuture<HttpsHandshake>> tlsByHost = new ConcurrentHashMap<>();

    public MirrorProber(HeadClient http, BodyClient body, HttpsChecker https, Clock clock) {
        this.http = http;
        this.body = body;
        this.https = https;
        this.clock = clock;
    }

    /** A prober of mirrors whose distributions have no trace file. */
    public MirrorProber(HeadClient http, HttpsChecker https, Clock clock) {
        this(http, (url, max) -> CompletableFuture.completedFuture(new GetResult.Failed(url,
                new ProbeFailure.InvalidUrl("this prober reads no files"))), https, clock);
    }

    /** Probes either kind of mirror; the target's type decides which probe. */
    public CompletableFuture<? extends ProbeOutcome> probe(ProbeTarget target) {
        ProbeLog log = new ProbeLog(clock);
        if (!target.overHttps()) {
            return probeContent(target, log, Optional.empty());
        }
        return handshake(target.baseUrl()).thenCompose(handshake -> {
            TlsCertificate tls = judged(handshake);
            log.add("TLS of " + target.baseUrl() + ": " + tls.describe() + (handshake instanceof
                    HttpsHandshake.NotCompleted failed ? " (" + failed.reason() + ")" : ""));
            ProbeTarget content = target;
            if (!tls.getState().worksForClients() && target.fallbackUrl().isPresent()) {
                content = target.rebasedTo(target.fallbackUrl().get());
                log.add("HTTPS clients cannot use " + target.name() + "; probing its content at "
                        + content.baseUrl() + " instead.");
            }
            return probeContent(content, log, Optional.of(tls));
        });
    }

    private CompletableFuture<ProbeOutcome> probeContent(ProbeTarget target, ProbeLog log,
            Optional<TlsCertificate> tls) {
        if (target instanceof ReleaseTarget release) {
            return probeRelease(release, log, tls).thenApply(ProbeOutcome.class::cast);
        }
        return probeArchive((MirrorTarget) target, log, tls).thenApply(ProbeOutcome.class::cast);
    }

    /** The round's one TLS check of the URL's host and port, started by the first mirror that needs it. */
    private CompletableFuture<HttpsHandshake> handshake(String httpsUrl) {
        URI uri = URI.create(httpsUrl);
        String hostPort = uri.getHost().toLowerCase(Locale.ROOT) + ":" + (uri.getPort() == -1 ? 443 : uri.getPort());
        return tlsByHost.computeIfAbsent(hostPort, key -> https.handshake(httpsUrl));
    }

    /** The mirror's TLS state, judged at this probe's time (the handshake may be shared with earlier mirrors). */
    private TlsCertificate judged(HttpsHandshake handshake) {
        if (handshake instanceof HttpsHandshake.Completed completed) {
            CertificateFacts facts = completed.certificate();
            TlsState state = switch (facts.verdict()) {
                case TRUSTED -> TlsCertificate.stateOfTrusted(facts.notAfter(), clock.instant());
                case EXPIRED -> TlsState.EXPIRED;
                case UNTRUSTED -> TlsState.UNTRUSTED;
                case NAME_MISMATCH -> TlsState.NAME_MISMATCH;
            };
            return new TlsCertificate(state, facts.notAfter(), facts.issuer(), facts.protocol(), facts.fingerprint());
        }
        return TlsCertificate.noHandshake();
    }

    private CompletableFuture<MirrorProbeOutcome> probeArchive(MirrorTarget target, ProbeLog log,
            Optional<TlsCertificate> tls) {
        log.add("Probing " + target.name() + " at " + target.baseUrl());
        List<CompletableFuture<IndexOutcome>> indexes = new ArrayList<>();
        for (IndexCheck check : target.checks()) {
            indexes.add(http.head(check.indexUrl()).thenCompose(result -> result.found()
                    ? freshness(check, log)
                    : CompletableFuture.completedFuture(deleted(check, result, log))));
        }
        CompletableFuture<Optional<TraceFinding>> trace = target.trace()
                .map(check -> readTrace(check, log).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        List<CompletableFuture<?>> all = new ArrayList<>(indexes);
        all.add(trace);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<IndexOutcome> outcomes = indexes.stream().map(CompletableFuture::join).toList();
            log.add("Probed " + target.name() + ": " + outcomes.stream().filter(IndexOutcome::present).count()
                    + " of " + outcomes.size() + " indexes present");
            return new MirrorProbeOutcome(target, outcomes, log.text(), false, tls, trace.join());
        });
    }

    /** GETs the trace (at most 64 KB) and HEADs the sync marker, side by side with the pool files. */
    private CompletableFuture<TraceFinding> readTrace(TraceCheck check, ProbeLog log) {
        CompletableFuture<Optional<GetResult>> trace = check.traceUrl()
                .map(url -> body.get(url, TRACE_MAX_BYTES).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        CompletableFuture<Optional<HeadResult>> marker = check.markerUrl()
                .map(url -> http.head(url).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        return trace.thenCombine(marker, (read, seen) -> {
            TraceState state = null;
            java.time.Instant time = null;
            String problem = null;
            if (read.isPresent()) {
                GetResult result = read.get();
                if (result instanceof GetResult.Fetched fetched) {
                    TraceParser.Reading reading = TraceParser.parse(check.format(), fetched.body(), clock.instant());
                    if (reading instanceof TraceParser.Synced synced) {
                        state = TraceState.FOUND;
                        time = synced.time();
                        log.add("Read the trace " + result.url() + ": the mirror last synced at " + time + ".");
                    } else {
                        state = TraceState.MALFORMED;
                        problem = ((TraceParser.Refused) reading).problem();
                        log.add("Refused the trace " + result.url() + ": " + problem + ".");
                    }
                } else {
                    GetResult.Failed failed = (GetResult.Failed) result;
                    state = failed.missing() ? TraceState.MISSING
                            : failed.failure() instanceof ProbeFailure.BodyTooLarge ? TraceState.TOO_LARGE
                            : TraceState.FAILED;
                    problem = failed.failure().reason();
                    log.add("Failed " + result.url() + ": " + problem);
                }
            }
            Boolean markerFound = seen.map(HeadResult::found).orElse(null);
            Optional<java.time.Instant> markerModified = seen.filter(HeadResult::found)
                    .flatMap(found -> ((HeadResult.Found) found).lastModified());
            seen.ifPresent(result -> log.add(result.found()
                    ? "Found the sync marker " + result.url() + markerModified.map(at -> ", last modified " + at)
                            .orElse(", without a Last-Modified date") + "."
                    : "No sync marker at " + result.url() + " (" + result.reason() + ")."));
            return new TraceFinding(state, time, problem, markerFound, markerModified);
        });
    }

    /** Launchpad's CD-image probe: a (series, flavour) counts only when every one of its files is there. */
    private CompletableFuture<ReleaseProbeOutcome> probeRelease(ReleaseTarget target, ProbeLog log,
            Optional<TlsCertificate> tls) {
        log.add("Probing " + target.name() + " at " + target.baseUrl() + " for " + target.pairs().size()
                + " CD image series and flavours");
        List<CompletableFuture<ImagePair>> pairs = new ArrayList<>();
        for (ImagePair pair : target.pairs()) {
            List<CompletableFuture<HeadResult>> files = pair.urls().stream().map(http::head).toList();
            pairs.add(CompletableFuture.allOf(files.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<HeadResult> missing = files.stream().map(CompletableFuture::join)
                        .filter(result -> !result.found()).toList();
                missing.forEach(result -> logFailure(result, log));
                if (missing.isEmpty()) {
                    log.add("Found all CD images of " + pair.series() + " " + pair.flavour() + " ("
                            + pair.urls().size() + " files).");
                    return pair;
                }
                log.add("Missing " + missing.size() + " of the " + pair.urls().size() + " CD image files of "
                        + pair.series() + " " + pair.flavour() + ".");
                return null;
            }));
        }
        return CompletableFuture.allOf(pairs.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ImagePair> found = pairs.stream().map(CompletableFuture::join).filter(pair -> pair != null).toList();
            log.add("Probed " + target.name() + ": " + found.size() + " of " + target.pairs().size()
                    + " CD image series and flavours complete");
            return new ReleaseProbeOutcome(target, found, log.text(), false, tls);
        });
    }

    private static IndexOutcome deleted(IndexCheck check, HeadResult result, ProbeLog log) {
        logFailure(result, log);
        log.add("Deleted " + check.recordClass() + " of " + check.description() + " with url " + check.indexUrl()
                + " because: " + result.reason() + ".");
        return IndexOutcome.deleted(check);
    }

    private CompletableFuture<IndexOutcome> freshness(IndexCheck check, ProbeLog log) {
        log.add("Ensuring " + check.recordClass() + " of " + check.description() + " with url " + check.indexUrl()
                + " exists in the database.");
        if (check.newestUrl().isEmpty()) {
            log.add("Deleted " + check.recordClass() + " of " + check.description() + " with url "
                    + check.indexUrl() + " because: nothing was ever published there to measure its freshness by.");
            return CompletableFuture.completedFuture(IndexOutcome.deleted(check));
        }
        String newest = check.newestUrl().get();
        return http.head(newest).thenCompose(result -> {
            if (result.found()) {
                return CompletableFuture.completedFuture(found(check, newest, MirrorStatus.UP, log));
            }
            logFailure(result, log);
            return freshestWindow(check, newest, log);
        });
    }

    /** Requests every window's file except the newest, which already failed, and takes the freshest found. */
    private CompletableFuture<IndexOutcome> freshestWindow(IndexCheck check, String failedNewest, ProbeLog log) {
        List<Map.Entry<MirrorStatus, CompletableFuture<HeadResult>>> requests = new ArrayList<>();
        check.freshnessUrls().forEach((status, url) -> {
            if (!url.equals(failedNewest)) {
                requests.add(Map.entry(status, http.head(url)));
            }
        });
        return CompletableFuture.allOf(requests.stream().map(Map.Entry::getValue).toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    for (Map.Entry<MirrorStatus, CompletableFuture<HeadResult>> request : requests) {
                        HeadResult result = request.getValue().join();
                        if (result.found()) {
                            return found(check, result.url(), request.getKey(), log);
                        }
                        logFailure(result, log);
                    }
                    log.add("None of the files that show the freshness of " + check.description()
                            + " were found. Updating " + check.recordClass() + " of " + check.description()
                            + " freshness to UNKNOWN.");
                    return IndexOutcome.kept(check, MirrorStatus.UNKNOWN);
                });
    }

    private static IndexOutcome found(IndexCheck check, String url, MirrorStatus status, ProbeLog log) {
        log.add("Found that " + url + " exists. Updating " + check.recordClass() + " of " + check.description()
                + " freshness to " + status.name() + ".");
        return IndexOutcome.kept(check, status);
    }

    private static void logFailure(HeadResult result, ProbeLog log) {
        log.add(result.timedOut() ? result.reason() : "Failed " + result.url() + ": " + result.reason());
    }
}
