package org.mirrorwatch.probing.control;

import java.net.InetAddress;
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
import org.mirrorwatch.probing.http.PinnedHeadClient;
import org.mirrorwatch.probing.http.ProbeClient;
import org.mirrorwatch.probing.http.ProbeFailure;
import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.platform.IpLiterals;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.FamilyState;
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
 * serves the archive another way.
 *
 * <p>Then each address family on its own: the first {@value #FAMILY_SAMPLE} files the probe found (index
 * files of an archive mirror, one file of each complete CD-image pair of a release mirror) are asked for
 * again, once pinned to an address of IPv4 and once to one of IPv6. A family whose every sample file is
 * found is REACHABLE; a host without an address of it, NOT_PUBLISHED; else UNREACHABLE. The full matrix
 * stays on whatever address the resolver gives first, as before. A host written as an address has that
 * address's family only, and the matrix has just found files over it: it costs no request more. A probe
 * that found nothing (the mirror is disabled anyway) or whose content is on FTP checks no family.
 *
 * <p>Suite consistency: once the HEADs of a suite's index files are answered, the suite's
 * {@code dists/<suite>/InRelease} (or, when that is missing, {@code Release}) is fetched through the same
 * client, and the sizes its SHA256 field promises are compared with the Content-Length of those answers.
 * One differing size makes the suite inconsistent: apt fails there with "File has unexpected size". An
 * index without a Content-Length, or one the Release file does not list, is not compared. A prober lives
 * as long as its round.
 */
public final class MirrorProber {

    /** How many of the files a probe found are asked for again over each family. */
    static final int FAMILY_SAMPLE = 2;
    /** The most a trace file may have; a larger one is not read to its end. */
    public static final int TRACE_MAX_BYTES = 64 * 1024;

    private final HeadClient http;
    private final Optional<BodyClient> body;
    private final HttpsChecker https;
    private final PinnedHeadClient pinned;
    private final boolean ipv6;
    private final Clock clock;
    private final Map<String, CompletableFuture<HttpsHandshake>> tlsByHost = new ConcurrentHashMap<>();

    /**
     * @param ipv6 whether this JVM can open IPv6 connections at all; without (WildFly's default
     *        {@code -Djava.net.preferIPv4Stack=true}) no family is checked, rather than every IPv6 found broken
     */
    public MirrorProber(HeadClient http, BodyClient body, HttpsChecker https, PinnedHeadClient pinned, boolean ipv6,
            Clock clock) {
        this(http, Optional.of(body), https, pinned, ipv6, clock);
    }

    /** The prober of a round: every request through the round's one client. */
    public static MirrorProber over(ProbeClient http, Clock clock) {
        return new MirrorProber(http, http, http, http, ProbeClient.ipv6Available(), clock);
    }

    /** A prober that reads no files: it checks no suite's consistency, and a trace file counts as failed. */
    public MirrorProber(HeadClient http, HttpsChecker https, PinnedHeadClient pinned, boolean ipv6, Clock clock) {
        this(http, Optional.empty(), https, pinned, ipv6, clock);
    }

    private MirrorProber(HeadClient http, Optional<BodyClient> body, HttpsChecker https, PinnedHeadClient pinned,
            boolean ipv6, Clock clock) {
        this.http = http;
        this.body = body;
        this.https = https;
        this.pinned = pinned;
        this.ipv6 = ipv6;
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
        CompletableFuture<Optional<TraceFinding>> trace = target.trace()
                .map(check -> readTrace(check, log).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        List<CompletableFuture<SuiteOutcome>> consistency = new ArrayList<>();
        if (body.isPresent() && target.baseUrl().regionMatches(true, 0, "http", 0, 4)) {
            suites.forEach((suite, heads) -> consistency.add(suiteConsistency(target, suite, heads, log)));
        } else if (!suites.isEmpty()) {
            log.add("Suite consistency of " + target.name() + " not checked: Release files are fetched over HTTP(S)"
                    + " only.");
        }
        List<CompletableFuture<?>> all = new ArrayList<>(indexes);
        all.add(trace);
        all.addAll(consistency);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            List<IndexOutcome> outcomes = indexes.stream().map(CompletableFuture::join).toList();
            List<SuiteOutcome> suiteOutcomes = consistency.stream().map(CompletableFuture::join).toList();
            log.add("Probed " + target.name() + ": " + outcomes.stream().filter(IndexOutcome::present).count()
                    + " of " + outcomes.size() + " indexes present" + (suiteOutcomes.isEmpty() ? "" : ", "
                    + suiteOutcomes.stream().filter(SuiteOutcome::inconsistent).count() + " of "
                    + suiteOutcomes.size() + " suites inconsistent"));
            List<String> found = outcomes.stream().filter(IndexOutcome::present)
                    .map(outcome -> outcome.check().indexUrl()).toList();
            return families(target.name(), found, log).thenApply(families -> new MirrorProbeOutcome(target,
                    outcomes, log.text(), false, tls, families, trace.join(), suiteOutcomes));
        });
    }

    /** A GET of a small file, or a failure when this prober reads no files. */
    private CompletableFuture<GetResult> read(String url, int maxBytes) {
        return body.map(client -> client.get(url, maxBytes)).orElseGet(() -> CompletableFuture.completedFuture(
                new GetResult.Failed(url, new ProbeFailure.InvalidUrl("this prober reads no files"))));
    }

    /** GETs the trace (at most 64 KB) and HEADs the sync marker, side by side with the pool files. */
    private CompletableFuture<TraceFinding> readTrace(TraceCheck check, ProbeLog log) {
        CompletableFuture<Optional<GetResult>> trace = check.traceUrl()
                .map(url -> read(url, TRACE_MAX_BYTES).thenApply(Optional::of))
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
                    return read(dists + "InRelease", ReleaseFile.MAX_BYTES).thenCompose(signed -> isNotFound(signed)
                            ? read(dists + "Release", ReleaseFile.MAX_BYTES) : CompletableFuture.completedFuture(signed))
                            .thenApply(answer -> compared(suite, answer, served, log));
                });
    }

    private static boolean isNotFound(GetResult result) {
        return result instanceof GetResult.Failed failed && failed.missing();
    }

    private static SuiteOutcome compared(String suite, GetResult answer, Map<String, Long> served, ProbeLog log) {
        if (!(answer instanceof GetResult.Fetched fetched)) {
            return unchecked(suite, "its Release file could not be fetched: " + answer.url() + ": "
                    + ((GetResult.Failed) answer).failure().reason(), log);
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
        return CompletableFuture.allOf(pairs.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            List<ImagePair> found = pairs.stream().map(CompletableFuture::join).filter(pair -> pair != null).toList();
            log.add("Probed " + target.name() + ": " + found.size() + " of " + target.pairs().size()
                    + " CD image series and flavours complete");
            List<String> files = found.stream().filter(pair -> !pair.urls().isEmpty())
                    .map(pair -> pair.urls().get(0)).toList();
            return families(target.name(), files, log).thenApply(families -> new ReleaseProbeOutcome(target,
                    found, log.text(), false, tls, families));
        });
    }

    /** Asks for the first of the found files again over each family, both families at once. */
    private CompletableFuture<Optional<FamilyReachability>> families(String mirror, List<String> found,
            ProbeLog log) {
        if (!ipv6) {
            log.add("Address families of " + mirror + " not checked: this server's JVM neither resolves nor"
                    + " connects over IPv6 (java.net.preferIPv4Stack is true).");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        List<String> sample = found.stream().filter(MirrorProber::overHttp).limit(FAMILY_SAMPLE).toList();
        if (sample.isEmpty()) {
            log.add("Address families of " + mirror + " not checked: no file found over HTTP(S) to ask for again.");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<InetAddress> literal = literalHost(sample.get(0));
        if (literal.isPresent()) {
            // An address has one family, and the matrix just found files over it: nothing to ask again.
            AddressFamily family = AddressFamily.of(literal.get());
            FamilyReachability families = family == AddressFamily.IPV4
                    ? new FamilyReachability(FamilyState.REACHABLE, null, FamilyState.NOT_PUBLISHED, null)
                    : new FamilyReachability(FamilyState.NOT_PUBLISHED, null, FamilyState.REACHABLE, null);
            log.add("Address families of " + mirror + ": its host is an " + family.title() + " address, "
                    + families.describe());
            return CompletableFuture.completedFuture(Optional.of(families));
        }
        CompletableFuture<FamilyFinding> ipv4 = family(sample, AddressFamily.IPV4, log);
        CompletableFuture<FamilyFinding> ipv6 = family(sample, AddressFamily.IPV6, log);
        return ipv4.thenCombine(ipv6, (four, six) -> {
            if (four.state() == FamilyState.NOT_PUBLISHED && six.state() == FamilyState.NOT_PUBLISHED) {
                log.add("Address families of " + mirror + " not checked: its host has no address any more.");
                return Optional.empty();
            }
            FamilyReachability families = new FamilyReachability(four.state(), four.failure(), six.state(),
                    six.failure());
            log.add("Address families of " + mirror + ": " + families.describe());
            return Optional.of(families);
        });
    }

    private record FamilyFinding(FamilyState state, String failure) {
    }

    private CompletableFuture<FamilyFinding> family(List<String> sample, AddressFamily family, ProbeLog log) {
        List<CompletableFuture<HeadResult>> requests = sample.stream().map(url -> pinned.headOver(url, family))
                .toList();
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<HeadResult> results = requests.stream().map(CompletableFuture::join).toList();
            if (results.stream().anyMatch(result -> result instanceof HeadResult.Failed failed
                    && failed.failure() instanceof ProbeFailure.NoAddressOfFamily)) {
                return new FamilyFinding(FamilyState.NOT_PUBLISHED, null);
            }
            Optional<HeadResult> failed = results.stream().filter(result -> !result.found()).findFirst();
            if (failed.isPresent()) {
                log.add("Over " + family.title() + ": " + (failed.get().timedOut() ? failed.get().reason()
                        : "Failed " + failed.get().url() + ": " + failed.get().reason()));
                return new FamilyFinding(FamilyState.UNREACHABLE, failed.get().reason());
            }
            return new FamilyFinding(FamilyState.REACHABLE, null);
        });
    }

    /** The URL's host when it is written as an address, e.g. http://[2001:db8::1]/. */
    private static Optional<InetAddress> literalHost(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return Optional.empty();
        }
        return IpLiterals.parse(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }

    private static boolean overHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
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
