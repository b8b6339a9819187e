package org.mirrorwatch.probing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.probing.http.GetResult;
import org.mirrorwatch.probing.http.HeadResult;
import org.mirrorwatch.probing.http.ProbeFailure;
import org.mirrorwatch.reference.entity.TraceFormat;
import org.mirrorwatch.registry.entity.TraceState;

/** The trace file and the sync marker a probe reads beside the pool files, without a network. */
class MirrorProberTraceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String BASE = "http://m.example/debian/";
    private static final String TRACE = BASE + "project/trace/ftp-master.debian.org";
    private static final String MARKER = BASE + "Archive-Update-in-Progress-m.example";

    private final List<String> asked = new ArrayList<>();
    private GetResult traceAnswer;
    private HeadResult markerAnswer = new HeadResult.Failed(MARKER, new ProbeFailure.UnexpectedStatus(404));

    private final MirrorProber prober = new MirrorProber(url -> {
        asked.add("HEAD " + url);
        return CompletableFuture.completedFuture(url.equals(MARKER) ? markerAnswer
                : new HeadResult.Failed(url, new ProbeFailure.UnexpectedStatus(404)));
    }, (url, max) -> {
        asked.add("GET " + url + " " + max);
        return CompletableFuture.completedFuture(traceAnswer);
    }, url -> {
        throw new AssertionError("no HTTPS here");
    }, (url, family) -> {
        throw new AssertionError("no address family is checked here");
    }, false, Clock.fixed(NOW, ZoneOffset.UTC));

    private MirrorProbeOutcome probe() {
        MirrorTarget target = new MirrorTarget(1, "m", BASE, List.of(), Optional.empty(),
                Optional.of(new TraceCheck(TraceFormat.DEBIAN, Optional.of(TRACE), Optional.of(MARKER))));
        return (MirrorProbeOutcome) prober.probe(target).join();
    }

    @Test
    void aGoodTrace_andAMarker_areReadWithOneRequestEach() {
        traceAnswer = new GetResult.Fetched(TRACE, "Sat Nov 28 21:08:46 UTC 2026\n".getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        markerAnswer = new HeadResult.Found(MARKER, Optional.of(NOW.minusSeconds(600)));
        MirrorProbeOutcome outcome = probe();
        assertEquals(new TraceFinding(TraceState.FOUND, Instant.parse("2026-11-28T21:08:46Z"), null, true,
                Optional.of(NOW.minusSeconds(600))), outcome.trace().orElseThrow());
        assertEquals(List.of("GET " + TRACE + " 65536", "HEAD " + MARKER), asked);
        assertTrue(outcome.log().contains("Read the trace " + TRACE + ": the mirror last synced at 2026-11-28T21:08:46Z."),
                outcome.log());
        assertTrue(outcome.log().contains("Found the sync marker " + MARKER + ", last modified 2026-11-30T11:50:00Z."),
                outcome.log());
    }

    @Test
    void aMalformedTrace_isRefusedWithItsReason_andNoMarkerIsNoMarker() {
        traceAnswer = new GetResult.Fetched(TRACE, "<html>".getBytes(StandardCharsets.UTF_8), Optional.empty());
        TraceFinding found = probe().trace().orElseThrow();
        assertEquals(TraceState.MALFORMED, found.state());
        assertTrue(found.problem().startsWith("its first line is not a date"), found.problem());
        assertEquals(false, found.markerFound());
    }

    @Test
    void aFailedGet_isMissingOrTooLargeOrFailed_byItsFailure() {
        traceAnswer = new GetResult.Failed(TRACE, new ProbeFailure.UnexpectedStatus(410));
        assertEquals(TraceState.MISSING, probe().trace().orElseThrow().state());
        traceAnswer = new GetResult.Failed(TRACE, new ProbeFailure.BodyTooLarge(65536));
        assertEquals(TraceState.TOO_LARGE, probe().trace().orElseThrow().state());
        traceAnswer = new GetResult.Failed(TRACE, new ProbeFailure.ConnectionRefused());
        TraceFinding failed = probe().trace().orElseThrow();
        assertEquals(TraceState.FAILED, failed.state());
        assertEquals("connection refused", failed.problem());
    }

    @Test
    void theFilesMoveWithTheContent_whenTheTargetIsRebased() {
        MirrorTarget target = new MirrorTarget(1, "m", "https://m.example/debian/", List.of(), Optional.of(BASE),
                Optional.of(new TraceCheck(TraceFormat.DEBIAN, Optional.of("https://m.example/debian/lastsync"),
                        Optional.empty())));
        assertEquals(Optional.of(BASE + "lastsync"), target.rebasedTo(BASE).trace().orElseThrow().traceUrl());
    }
}
