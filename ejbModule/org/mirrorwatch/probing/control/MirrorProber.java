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
import org.mirrorwatch.probing.http.CertificateFacts;
import org.mirrorwatch.probing.http.GetClient;
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
 *
 * <p>Suite consistency: once the HEADs of a suite's index files are answered, the suite's
 * {@code dists/<suite>/InRelease} (or, when that is missing, {@code Release}) is fetched through the same
 * client, and the sizes its SHA256 field promises are compared with the Content-Length of those answers.
 * One differing size makes the suite inconsistent: apt fails there with "File has unexpected size". An
 * index without a Content-Length, or one the Release file does not list, is not compared.
 */
public final class MirrorProber {

    private final HeadClient http;
    private final Optional<GetClient> get;
    private final HttpsChecker https;
    private final Clock clock;
    private final Map<String, CompletableFuture<HttpsHandshake>> tlsByHost = new ConcurrentHashMap<>();

    /** A prober that does not check suites' consistency (it cannot fetch Release files). */
    public MirrorProber(HeadClient http, HttpsChecker https, Clock clock) {
        this(http, Optional.empty(), https, clock);
    }

    public MirrorProber(HeadClient http, GetClient get, HttpsChecker https, Clock clock) {
        this(http, Optional.of(get), https, clock);
    }

    private MirrorProber(HeadClient http, Optional<GetClient> get, HttpsChecker https, Clock clock) {
        this.http = http;
        this.get = get;
        this.https = https;
        this.clock = clock;
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
        Map<String, List<Map.Entry<SuiteIndex, CompletableFuture<HeadResult>>>> suites = new java.util.TreeMap<>();
        for (IndexCheck check : target.checks()) {
            CompletableFuture<HeadResult> head = http.head(check.indexUrl());
            indexes.add(head.thenCompose(result -> result.found()
                    ? freshness(check, log)
                    : CompletableFuture.completedFuture(deleted(check, result, log))));
            SuiteIndex.of(target.baseUrl(), check.indexUrl()).ifPresent(index -> suites
                    .computeIfAbsent(index.suite(), suite -> new ArrayList<>()).add(Map.entry(index, head)));
        }
        List<CompletableFuture<SuiteOutcome>> consistency = new ArrayList<>();
        if (get.isPresent() && target.baseUrl().regionMatches(true, 0, "http", 0, 4)) {
            suites.forEach((suite, heads) -> consistency.add(suiteConsistency(target, suite, heads, log)));
        } else if (!suites.isEmpty()) {
            log.add("Suite consistency of " + target.name() + " not checked: Release files are fetched over HTTP(S)"
                    + " only.");
        }
        List<CompletableFuture<?>> all = new ArrayList<>(indexes);
        all.addAll(consistency);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<IndexOutcome> outcomes = indexes.stream().map(CompletableFuture::join).toList();
            List<SuiteOutcome> suiteOutcomes = consistency.stream().map(CompletableFuture::join).toList();
            log.add("Probed " + target.name() + ": " + outcomes.stream().filter(IndexOutcome::present).count()
                    + " of " + outcomes.size() + " indexes present" + (suiteOutcomes.isEmpty() ? "" : ", "
                    + suiteOutcomes.stream().filter(SuiteOutcome::inconsistent).count() + " of "
                    + suiteOutcomes.size() + " suites inconsistent"));
            return new MirrorProbeOutcome(target, outcomes, log.text(), false, tls, suiteOutcomes);
        });
    }

    /**
     * Compares a suite's index sizes with its Release file, once their HEADs are answered; fetches the
     * Release file only when at least one index was found with a size, so a suite the mirror lacks costs
     * nothing more.
     */
    private CompletableFuture<SuiteOutcome> suiteConsistency(MirrorTarget target, String suite,
            List<Map.Entry<SuiteIndex, CompletableFuture<HeadResult>>> heads, ProbeLog log) {
        return CompletableFuture.allOf(heads.stream().map(Map.Entry::getValue).toArray(CompletableFuture[]::new))
                .thenCompose(done -> {
                    Map<String, Long> served = new java.util.TreeMap<>();
                    heads.forEach(head -> head.getValue().join().contentLength()
                            .ifPresent(length -> served.put(head.getKey().path(), length)));
                    if (served.isEmpty()) {
                        return CompletableFuture.completedFuture(unchecked(suite, "no index file of the suite was"
                                + " found with a Content-Length", log));
                    }
                    String dists = target.baseUrl() + "dists/" + suite + "/";
                    return get.get().get(dists + "InRelease", ReleaseFile.MAX_BYTES).thenCompose(signed -> isNotFound(signed)
                            ? get.get().get(dists + "Release", ReleaseFile.MAX_BYTES) : CompletableFuture.completedFuture(signed))
                            .thenApply(answer -> compared(suite, answer, served, log));
                });
    }

    private static boolean isNotFound(HeadResult result) {
        return result instanceof HeadResult.Failed failed
                && failed.failure() instanceof org.mirrorwatch.probing.http.ProbeFailure.UnexpectedStatus status
                && (status.status() == 404 || status.status() == 410);
    }

    private static SuiteOutcome compared(String suite, HeadResult answer, Map<String, Long> served, ProbeLog log) {
        if (!(answer instanceof HeadResult.Fetched fetched)) {
            return unchecked(suite, "its Release file could not be fetched: " + answer.url() + ": " + answer.reason(),
                    log);
        }
        ReleaseFile release;
        try {
            release = ReleaseFile.parse(fetched.body());
        } catch (IllegalArgumentException e) {
            return unchecked(suite, fetched.url() + " is not a valid Release file: " + e.getMessage(), log);
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Long> index : served.entrySet()) {
            Optional<Long> promised = release.sizeOf(index.getKey());
            if (promised.isEmpty()) {
                log.add("Suite " + suite + ": " + fetched.url() + " does not list " + index.getKey() + "; its size"
                        + " is not compared.");
                continue;
            }
            compared++;
            if (!promised.get().equals(index.getValue())) {
                mismatches.add(index.getKey() + " is served with " + index.getValue() + " bytes, but "
                        + fetched.url() + " promises " + promised.get());
            }
        }
        String date = release.date().map(value -> " (Date: " + value + ")").orElse("");
        if (!mismatches.isEmpty()) {
            String detail = String.join("; ", mismatches);
            log.add("Suite " + suite + " is inconsistent" + date + ": " + detail + ".");
            return new SuiteOutcome(suite, SuiteOutcome.Consistency.INCONSISTENT, detail);
        }
        if (compared == 0) {
            return unchecked(suite, fetched.url() + " lists none of the index files probed", log);
        }
        String detail = compared + " index files have the sizes " + fetched.url() + " promises";
        log.add("Suite " + suite + " is consistent" + date + ": " + detail + ".");
        return new SuiteOutcome(suite, SuiteOutcome.Consistency.CONSISTENT, detail);
    }

    private static SuiteOutcome unchecked(String suite, String why, ProbeLog log) {
        log.add("Suite " + suite + " not checked for consistency: " + why + ".");
        return new SuiteOutcome(suite, SuiteOutcome.Consistency.UNCHECKED, why);
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
