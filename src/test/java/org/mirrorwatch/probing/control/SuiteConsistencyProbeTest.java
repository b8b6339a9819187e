package org.mirrorwatch.probing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.mirrorwatch.probing.http.BodyClient;
import org.mirrorwatch.probing.http.GetResult;
import org.mirrorwatch.probing.http.HeadClient;
import org.mirrorwatch.probing.http.HeadResult;
import org.mirrorwatch.probing.http.PinnedHeadClient;
import org.mirrorwatch.probing.http.ProbeFailure;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.entity.MirrorStatus;

/** A suite's index sizes against its Release file, without a network. */
class SuiteConsistencyProbeTest {

    private static final String BASE = "http://m.example/ubuntu/";
    private static final String BINARY = BASE + "dists/hoary/main/binary-i386/Packages.gz";
    private static final String SOURCE = BASE + "dists/hoary/main/source/Sources.gz";
    private static final String OTHER = BASE + "dists/warty/main/binary-i386/Packages.gz";
    private static final String NEWEST = BASE + "pool/main/h/hello/hello_3_i386.deb";

    private static final PinnedHeadClient NO_FAMILIES = (url, family) -> {
        throw new AssertionError("no address family is checked here");
    };

    private final Map<String, HeadResult> heads = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();
    private final List<String> fetched = new ArrayList<>();
    private final HeadClient head = url -> CompletableFuture.completedFuture(heads.getOrDefault(url,
            new HeadResult.Failed(url, new ProbeFailure.UnexpectedStatus(404))));
    private final BodyClient get = (url, max) -> {
        synchronized (fetched) {
            fetched.add(url);
        }
        String body = files.get(url);
        return CompletableFuture.completedFuture(body == null
                ? new GetResult.Failed(url, new ProbeFailure.UnexpectedStatus(404))
                : new GetResult.Fetched(url, body.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    };
    private final MirrorProber prober = new MirrorProber(head, get, url -> null, NO_FAMILIES, false,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    {
        heads.put(NEWEST, new HeadResult.Found(NEWEST));
    }

    @Test
    void sizesAsPromised_makeTheSuiteConsistent() {
        serve(812, 4711);
        files.put(BASE + "dists/hoary/InRelease", ReleaseFileTest.inRelease(ReleaseFileTest.FIELDS));
        MirrorProbeOutcome outcome = probe(BINARY, SOURCE);
        assertEquals(List.of(new SuiteOutcome("hoary", SuiteOutcome.Consistency.CONSISTENT,
                "2 index files have the sizes " + BASE + "dists/hoary/InRelease promises")), outcome.suites());
        assertEquals(List.of(BASE + "dists/hoary/InRelease"), fetched, "one GET per suite");
        assertTrue(outcome.log().contains("Suite hoary is consistent (Date: Thu, 01 Jan 2026 00:00:00 UTC)"),
                outcome.log());
    }

    @Test
    void aNewerInRelease_thanAnIndex_makesTheSuiteInconsistent() {
        serve(790, 4711);
        files.put(BASE + "dists/hoary/InRelease", ReleaseFileTest.inRelease(ReleaseFileTest.FIELDS));
        MirrorProbeOutcome outcome = probe(BINARY, SOURCE);
        SuiteOutcome suite = outcome.suites().get(0);
        assertTrue(suite.inconsistent());
        assertEquals("main/binary-i386/Packages.gz is served with 790 bytes, but " + BASE
                + "dists/hoary/InRelease promises 812", suite.detail());
        assertTrue(outcome.log().contains("1 of 1 suites inconsistent"), outcome.log());
        assertEquals(2, outcome.indexes().stream().filter(IndexOutcome::present).count(),
                "the indexes themselves are still there");
    }

    @Test
    void withoutInRelease_theReleaseFileIsRead() {
        serve(790, 4711);
        files.put(BASE + "dists/hoary/Release", ReleaseFileTest.FIELDS);
        MirrorProbeOutcome outcome = probe(BINARY, SOURCE);
        assertTrue(outcome.suites().get(0).inconsistent());
        assertEquals(List.of(BASE + "dists/hoary/InRelease", BASE + "dists/hoary/Release"), fetched);
    }

    @Test
    void anUnknownContentLength_isNotAMismatch() {
        heads.put(BINARY, new HeadResult.Found(BINARY));
        heads.put(SOURCE, new HeadResult.Found(SOURCE, 4711));
        files.put(BASE + "dists/hoary/InRelease", ReleaseFileTest.inRelease(ReleaseFileTest.FIELDS));
        assertEquals(SuiteOutcome.Consistency.CONSISTENT, probe(BINARY, SOURCE).suites().get(0).consistency());
    }

    @Test
    void aSuiteWithoutIndexes_orWithABrokenRelease_isUnchecked() {
        serve(812, 4711);
        files.put(BASE + "dists/hoary/InRelease", "-----BEGIN PGP SIGNED MESSAGE-----\nnonsense\n");
        MirrorProbeOutcome outcome = probe(BINARY, SOURCE, OTHER);
        assertEquals(List.of("hoary", "warty"), outcome.suites().stream().map(SuiteOutcome::suite).toList());
        assertEquals(SuiteOutcome.Consistency.UNCHECKED, outcome.suites().get(0).consistency());
        assertTrue(outcome.suites().get(0).detail().contains("is not a valid Release file"), outcome.suites().get(0).detail());
        assertEquals(SuiteOutcome.Consistency.UNCHECKED, outcome.suites().get(1).consistency());
        assertEquals(List.of(BASE + "dists/hoary/InRelease"), fetched, "no GET for a suite the mirror lacks");
    }

    @Test
    void aProberWithoutGets_checksNoSuite() {
        serve(790, 4711);
        MirrorProber headsOnly = new MirrorProber(head, url -> null, NO_FAMILIES, false, Clock.systemUTC());
        MirrorProbeOutcome outcome = (MirrorProbeOutcome) headsOnly.probe(new MirrorTarget(7, "m.example", BASE,
                List.of(check(BINARY)))).join();
        assertEquals(List.of(), outcome.suites());
    }

    @Test
    void theSuiteOfAnIndexUrl_isTheSegmentAfterDists() {
        assertEquals(Optional.of(new SuiteIndex("hoary-security", "main/binary-i386/Packages.gz")),
                SuiteIndex.of(BASE, BASE + "dists/hoary-security/main/binary-i386/Packages.gz"));
        assertEquals(Optional.empty(), SuiteIndex.of(BASE, BASE + "pool/main/h/hello.deb"));
        assertEquals(Optional.empty(), SuiteIndex.of(BASE, "http://other.example/dists/hoary/x"));
    }

    private void serve(long binary, long source) {
        heads.put(BINARY, new HeadResult.Found(BINARY, binary));
        heads.put(SOURCE, new HeadResult.Found(SOURCE, source));
    }

    private MirrorProbeOutcome probe(String... indexUrls) {
        return (MirrorProbeOutcome) prober.probe(new MirrorTarget(7, "m.example", BASE,
                java.util.Arrays.stream(indexUrls).map(SuiteConsistencyProbeTest::check).toList())).join();
    }

    private static IndexCheck check(String indexUrl) {
        Map<MirrorStatus, String> windows = new LinkedHashMap<>();
        windows.put(MirrorStatus.UP, NEWEST);
        return new IndexCheck(PublicationKind.BINARY, 1, PackagePublishingPocket.RELEASE, 1, "hoary", indexUrl,
                windows, Optional.of(NEWEST));
    }
}
