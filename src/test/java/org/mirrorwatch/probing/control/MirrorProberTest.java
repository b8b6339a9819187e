package org.mirrorwatch.probing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.probing.http.CertificateFacts;
import org.mirrorwatch.probing.http.HeadClient;
import org.mirrorwatch.probing.http.HttpsHandshake;
import org.mirrorwatch.probing.http.HeadResult;
import org.mirrorwatch.probing.http.PinnedHeadClient;
import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.FamilyState;
import org.mirrorwatch.probing.http.ProbeFailure;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.TlsState;

/** Launchpad's decisions for one mirror, against files that are there or not, without a network. */
class MirrorProberTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String BASE = "http://m.example/ubuntu/";
    private static final String HTTPS_BASE = "https://m.example/ubuntu/";
    private static final String INDEX = BASE + "dists/warty/main/binary-i386/Packages.gz";
    private static final String NEWEST = BASE + "pool/main/h/hello/hello_3_i386.deb";
    private static final String ONE_HOUR = BASE + "pool/main/h/hello/hello_2_i386.deb";
    private static final String SIX_HOURS = BASE + "pool/main/h/hello/hello_1_i386.deb";

    private final Mirror mirror = new Mirror();
    private final Map<String, HttpsHandshake> certificates = new HashMap<>();
    private final List<String> handshakes = new ArrayList<>();
    private final MirrorProber prober = new MirrorProber(mirror, url -> {
        handshakes.add(url);
        return CompletableFuture.completedFuture(certificates.get(URI.create(url).getHost()));
    }, mirror, true, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMissingIndex_isDeleted_withTheReason() {
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        assertEquals(List.of(IndexOutcome.deleted(check(Optional.of(NEWEST)))), outcome.indexes());
        assertFalse(outcome.carriesContent());
        assertTrue(outcome.log().contains("Failed " + INDEX + ": 404 Not Found\n"), outcome.log());
        assertTrue(outcome.log().contains("Deleted MirrorDistroArchRelease of warty i386 RELEASE main with url "
                + INDEX + " because: 404 Not Found.\n"), outcome.log());
        assertEquals(List.of(INDEX), mirror.asked, "nothing else is asked of a mirror without the index");
    }

    @Test
    void theNewestPublicationFound_isUp_andNoWindowIsAsked() {
        mirror.has(INDEX, NEWEST, ONE_HOUR);
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        assertEquals(MirrorStatus.UP, outcome.indexes().get(0).freshness());
        assertTrue(outcome.log().contains("Found that " + NEWEST + " exists. Updating MirrorDistroArchRelease of"
                + " warty i386 RELEASE main freshness to UP."), outcome.log());
        assertEquals(List.of(INDEX, NEWEST), mirror.asked);
    }

    @Test
    void theNewestMissing_takesTheFreshestWindowFound_withoutAskingForTheNewestAgain() {
        mirror.has(INDEX, SIX_HOURS);
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        assertEquals(IndexOutcome.kept(check(Optional.of(NEWEST)), MirrorStatus.SIXHOURSBEHIND),
                outcome.indexes().get(0));
        assertTrue(outcome.log().contains("Failed " + NEWEST + ": 404 Not Found"), outcome.log());
        assertTrue(outcome.log().contains("Failed " + ONE_HOUR + ": 404 Not Found"), outcome.log());
        assertEquals(1, mirror.asked.stream().filter(NEWEST::equals).count());
    }

    @Test
    void noWindowFound_isUnknown_yetTheIndexIsKept() {
        mirror.has(INDEX);
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        assertEquals(IndexOutcome.kept(check(Optional.of(NEWEST)), MirrorStatus.UNKNOWN), outcome.indexes().get(0));
        assertTrue(outcome.carriesContent());
        assertTrue(outcome.log().contains("None of the files that show the freshness of warty i386 RELEASE main"
                + " were found. Updating MirrorDistroArchRelease of warty i386 RELEASE main freshness to UNKNOWN."),
                outcome.log());
    }

    @Test
    void anIndexWithNothingPublished_isDeleted() {
        mirror.has(INDEX);
        MirrorProbeOutcome outcome = probe(check(Optional.empty()));
        assertEquals(List.of(IndexOutcome.deleted(check(Optional.empty()))), outcome.indexes());
        assertTrue(outcome.log().contains("because: nothing was ever published there to measure its freshness by."),
                outcome.log());
    }

    @Test
    void aTimeout_isLoggedAsItsReasonAlone() {
        ProbeFailure.Timeout timeout = new ProbeFailure.Timeout("HEAD request", URI.create(INDEX),
                Duration.ofSeconds(30));
        mirror.answers.put(INDEX, new HeadResult.Failed(INDEX, timeout));
        String log = probe(check(Optional.of(NEWEST))).log();
        assertTrue(log.contains(" HEAD request on " + INDEX + " took longer than 30 seconds\n"), log);
        assertFalse(log.contains("Failed " + INDEX), log);
    }

    @Test
    void theLog_countsTheIndexesPresent() {
        mirror.has(INDEX, NEWEST);
        String log = probe(check(Optional.of(NEWEST))).log();
        assertTrue(log.startsWith("2024-01-01T00:00:00Z Probing m.example at " + BASE + "\n"), log);
        assertTrue(log.contains("Probed m.example: 1 of 1 indexes present\n"), log);
        assertTrue(log.endsWith("Address families of m.example: IPv4 REACHABLE, IPv6 NOT_PUBLISHED\n"), log);
    }

    @Test
    void aReleasePair_countsOnlyWhenEveryFileIsThere() {
        ImagePair complete = new ImagePair(1, "warty", "ubuntu", List.of(BASE + "warty/a.iso", BASE + "warty/b.iso"));
        ImagePair partial = new ImagePair(1, "warty", "kubuntu", List.of(BASE + "warty/k.iso", BASE + "warty/l.iso"));
        mirror.has(BASE + "warty/a.iso", BASE + "warty/b.iso", BASE + "warty/k.iso");
        ReleaseProbeOutcome outcome = (ReleaseProbeOutcome) prober.probe(
                new ReleaseTarget(7, "m.example", BASE, List.of(complete, partial))).join();
        assertEquals(List.of(complete), outcome.found());
        assertTrue(outcome.lacksAnyPair());
        assertTrue(outcome.log().contains("Found all CD images of warty ubuntu (2 files)."), outcome.log());
        assertTrue(outcome.log().contains("Failed " + BASE + "warty/l.iso: 404 Not Found"), outcome.log());
        assertTrue(outcome.log().contains("Missing 1 of the 2 CD image files of warty kubuntu."), outcome.log());
        assertTrue(outcome.log().contains("Probed m.example: 1 of 2 CD image series and flavours complete\n"));
        assertEquals(List.of("IPV4 " + BASE + "warty/a.iso", "IPV6 " + BASE + "warty/a.iso"),
                mirror.pinnedAsked.stream().sorted().toList(), "one file of the complete pair, over each family");
    }

    @Test
    void anExpiredCertificate_isRecorded_andTheContentIsProbedOverHttp() {
        certificates.put("m.example", completed(CertificateFacts.Verdict.EXPIRED, NOW.minus(Duration.ofDays(2))));
        mirror.has(INDEX, NEWEST);
        MirrorProbeOutcome outcome = (MirrorProbeOutcome) prober.probe(new MirrorTarget(7, "m.example", HTTPS_BASE,
                List.of(rebasedCheck(check(Optional.of(NEWEST)))),
                Optional.of(BASE))).join();
        assertEquals(TlsState.EXPIRED, outcome.tls().orElseThrow().getState());
        assertEquals(MirrorStatus.UP, outcome.indexes().get(0).freshness());
        assertEquals(List.of(INDEX, NEWEST), mirror.asked, "the content is asked over HTTP");
        assertTrue(outcome.log().contains("HTTPS clients cannot use m.example; probing its content at " + BASE
                + " instead."), outcome.log());
    }

    @Test
    void aCertificateExpiringIn5Days_isExpiring_andTheContentIsProbedOverHttps() {
        certificates.put("m.example", completed(CertificateFacts.Verdict.TRUSTED, NOW.plus(Duration.ofDays(5))));
        MirrorProbeOutcome outcome = (MirrorProbeOutcome) prober.probe(new MirrorTarget(7, "m.example", HTTPS_BASE,
                List.of(rebasedCheck(check(Optional.of(NEWEST)))), Optional.of(BASE))).join();
        assertEquals(TlsState.EXPIRING, outcome.tls().orElseThrow().getState());
        assertEquals(List.of(HTTPS_BASE + INDEX.substring(BASE.length())), mirror.asked);
    }

    @Test
    void twoMirrorsOnOneHttpsHost_shareOneHandshake_andAnHttpMirrorHasNone() {
        certificates.put("m.example", completed(CertificateFacts.Verdict.TRUSTED, NOW.plus(Duration.ofDays(90))));
        prober.probe(new MirrorTarget(7, "a", HTTPS_BASE, List.of(), Optional.empty())).join();
        MirrorProbeOutcome second = (MirrorProbeOutcome) prober.probe(new MirrorTarget(8, "b", HTTPS_BASE + "b/",
                List.of(), Optional.empty())).join();
        MirrorProbeOutcome plain = (MirrorProbeOutcome) prober.probe(new MirrorTarget(9, "c", BASE, List.of())).join();
        assertEquals(List.of(HTTPS_BASE), handshakes);
        assertEquals(TlsState.VALID, second.tls().orElseThrow().getState());
        assertTrue(plain.tls().isEmpty());
    }

    @Test
    void noHandshake_isRecordedWithItsReason() {
        certificates.put("m.example", new HttpsHandshake.NotCompleted("connection refused"));
        MirrorProbeOutcome outcome = (MirrorProbeOutcome) prober.probe(new MirrorTarget(7, "m.example", HTTPS_BASE,
                List.of(), Optional.empty())).join();
        assertEquals(TlsState.NO_HANDSHAKE, outcome.tls().orElseThrow().getState());
        assertTrue(outcome.log().contains("TLS of " + HTTPS_BASE + ": NO_HANDSHAKE (connection refused)"),
                outcome.log());
    }

    private static HttpsHandshake completed(CertificateFacts.Verdict verdict, Instant notAfter) {
        return new HttpsHandshake.Completed(new CertificateFacts(verdict, notAfter, "CN=Test CA", "TLSv1.3",
                "ab".repeat(32)));
    }

    private static IndexCheck rebasedCheck(IndexCheck check) {
        return new MirrorTarget(7, "m", BASE, List.of(check)).rebasedTo(HTTPS_BASE).checks().get(0);
    }

    @Test
    void aCrashedProbe_keepsItsKind() {
        MirrorTarget archive = new MirrorTarget(7, "m.example", BASE, List.of());
        ReleaseTarget release = new ReleaseTarget(8, "r.example", BASE, List.of());
        assertTrue(archive.crashed("boom").crashed());
        assertEquals(archive, archive.crashed("boom").target());
        assertEquals(release, release.crashed("boom").target());
    }

    @Test
    void bothFamiliesServing_areReachable_askedTheFoundIndexAgainOnEach() {
        mirror.has(INDEX, NEWEST);
        mirror.family(AddressFamily.IPV6, true);
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        assertEquals(Optional.of(new FamilyReachability(FamilyState.REACHABLE, null, FamilyState.REACHABLE, null)),
                outcome.families());
        assertEquals(List.of("IPV4 " + INDEX, "IPV6 " + INDEX), mirror.pinnedAsked.stream().sorted().toList(),
                "only the found index is asked again, once per family");
        assertEquals(List.of(INDEX, NEWEST), mirror.asked, "the matrix is asked once, on no family in particular");
    }

    @Test
    void ipv6Failing_isUnreachable_withTheReason_andNoAaaaRecord_isNotPublished() {
        mirror.has(INDEX, NEWEST);
        mirror.family(AddressFamily.IPV6, false);
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        FamilyReachability families = outcome.families().orElseThrow();
        assertEquals(FamilyState.REACHABLE, families.state(AddressFamily.IPV4));
        assertEquals(FamilyState.UNREACHABLE, families.state(AddressFamily.IPV6));
        assertEquals(Optional.of("connection refused"), families.failure(AddressFamily.IPV6));
        assertTrue(families.isDegraded());
        assertTrue(outcome.log().contains("Over IPv6: Failed " + INDEX + ": connection refused"), outcome.log());

        mirror.pinned.remove(AddressFamily.IPV6);
        FamilyReachability single = probe(check(Optional.of(NEWEST))).families().orElseThrow();
        assertEquals(FamilyState.NOT_PUBLISHED, single.state(AddressFamily.IPV6));
        assertFalse(single.isDegraded(), "a host without AAAA is not degraded");
    }

    @Test
    void aHostWrittenAsAnAddress_hasItsFamilyOnly_withoutAskingAgain() {
        String base = "http://[2001:db8::1]/ubuntu/";
        IndexCheck check = new IndexCheck(PublicationKind.BINARY, 1, PackagePublishingPocket.RELEASE, 1,
                "warty i386 RELEASE main", base + "dists/warty/main/binary-i386/Packages.gz",
                Map.of(MirrorStatus.UP, base + "pool/h.deb"), Optional.of(base + "pool/h.deb"));
        mirror.has(check.indexUrl(), base + "pool/h.deb");
        MirrorProbeOutcome outcome = (MirrorProbeOutcome) prober.probe(new MirrorTarget(7, "v6", base,
                List.of(check))).join();
        assertEquals(Optional.of(new FamilyReachability(FamilyState.NOT_PUBLISHED, null, FamilyState.REACHABLE, null)),
                outcome.families());
        assertEquals(List.of(), mirror.pinnedAsked, "the matrix went over its only address");
    }

    @Test
    void aMirrorThatCarriesNothing_checksNoFamily() {
        MirrorProbeOutcome outcome = probe(check(Optional.of(NEWEST)));
        assertEquals(Optional.empty(), outcome.families());
        assertEquals(List.of(), mirror.pinnedAsked);
    }

    private MirrorProbeOutcome probe(IndexCheck check) {
        return (MirrorProbeOutcome) prober.probe(new MirrorTarget(7, "m.example", BASE, List.of(check))).join();
    }

    private static IndexCheck check(Optional<String> newest) {
        Map<MirrorStatus, String> windows = new LinkedHashMap<>();
        newest.ifPresent(url -> windows.put(MirrorStatus.UP, url));
        windows.put(MirrorStatus.ONEHOURBEHIND, ONE_HOUR);
        windows.put(MirrorStatus.SIXHOURSBEHIND, SIX_HOURS);
        return new IndexCheck(PublicationKind.BINARY, 1, PackagePublishingPocket.RELEASE, 1,
                "warty i386 RELEASE main", INDEX, windows, newest);
    }

    /** A mirror that has the files it was given and answers 404 for the rest; it notes what it was asked. */
    private static final class Mirror implements HeadClient, PinnedHeadClient {
        final Map<String, HeadResult> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        /** Whether each published family serves; a family not in the map is not published. IPv4 serves by default. */
        final Map<AddressFamily, Boolean> pinned = new HashMap<>(Map.of(AddressFamily.IPV4, true));
        final List<String> pinnedAsked = new ArrayList<>();

        void family(AddressFamily family, boolean serves) {
            pinned.put(family, serves);
        }

        @Override
        public synchronized CompletableFuture<HeadResult> headOver(String url, AddressFamily family) {
            pinnedAsked.add(family + " " + url);
            Boolean serves = pinned.get(family);
            if (serves == null) {
                return CompletableFuture.completedFuture(new HeadResult.Failed(url,
                        new ProbeFailure.NoAddressOfFamily("m.example has no " + family.title() + " address")));
            }
            return serves ? CompletableFuture.completedFuture(answers.getOrDefault(url,
                    new HeadResult.Failed(url, new ProbeFailure.UnexpectedStatus(404))))
                    : CompletableFuture.completedFuture(new HeadResult.Failed(url, new ProbeFailure.ConnectionRefused()));
        }

        void has(String... urls) {
            for (String url : urls) {
                answers.put(url, new HeadResult.Found(url));
            }
        }

        @Override
        public synchronized CompletableFuture<HeadResult> head(String url) {
            asked.add(url);
            return CompletableFuture.completedFuture(answers.getOrDefault(url,
                    new HeadResult.Failed(url, new ProbeFailure.UnexpectedStatus(404))));
        }
    }
}
