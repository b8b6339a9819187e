package org.mirrorwatch.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceFactsTest {

    private static final Duration GAP = Duration.ofHours(6);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static boolean disagree(double traceAgeHours, MirrorStatus pool) {
        return TraceFacts.disagree(Duration.ofMinutes(Math.round(traceAgeHours * 60)), pool, GAP);
    }

    @Test
    void upToDatePoolFiles_allowATraceUpToTheirWindowPlusTheGap() {
        assertFalse(disagree(0, MirrorStatus.UP));
        assertFalse(disagree(6.5, MirrorStatus.UP));
        assertTrue(disagree(6.6, MirrorStatus.UP));
        assertTrue(disagree(30, MirrorStatus.UP));
    }

    @Test
    void stalePoolFiles_withAFreshTrace_disagree() {
        assertTrue(disagree(1, MirrorStatus.TWODAYSBEHIND));
        assertFalse(disagree(18.5, MirrorStatus.TWODAYSBEHIND));
        assertFalse(disagree(40, MirrorStatus.TWODAYSBEHIND));
        assertTrue(disagree(1, MirrorStatus.ONEWEEKBEHIND));
        assertFalse(disagree(100, MirrorStatus.ONEWEEKBEHIND));
        assertTrue(disagree(175, MirrorStatus.ONEWEEKBEHIND));
    }

    @Test
    void unknownPoolFreshness_neverDisagrees() {
        assertFalse(disagree(1000, MirrorStatus.UNKNOWN));
    }

    @Test
    void aMarker_isSyncingOnlyWhileYoungerThanTheLimit() {
        Duration limit = Duration.ofHours(6);
        assertEquals(SyncState.NOT_SYNCING, TraceFacts.syncStateOf(false, Optional.empty(), limit));
        assertEquals(SyncState.SYNCING, TraceFacts.syncStateOf(true, Optional.of(Duration.ofMinutes(10)), limit));
        assertEquals(SyncState.STALE_MARKER, TraceFacts.syncStateOf(true, Optional.of(Duration.ofHours(6)), limit));
        assertEquals(SyncState.UNDATED_MARKER, TraceFacts.syncStateOf(true, Optional.empty(), limit));
    }

    @Test
    void judged_keepsTheAgeAndTheFlag() {
        TraceFacts facts = TraceFacts.judged(TraceState.FOUND, NOW.minus(Duration.ofHours(30)), null,
                SyncState.SYNCING, Duration.ofMinutes(5), MirrorStatus.UP, NOW, GAP);
        assertEquals(Optional.of(Duration.ofHours(30)), facts.getTraceAge());
        assertTrue(facts.isPartialSync());
        assertTrue(facts.isSyncing());
        assertEquals("trace FOUND, 30.0 h old; pool files up to date: partial sync; SYNCING (marker 5 min old)",
                facts.describe(MirrorStatus.UP));
    }

    @Test
    void judged_aRefusedTrace_hasAProblemAndNoFlag() {
        TraceFacts facts = TraceFacts.judged(TraceState.MALFORMED, null, "it is empty", null, null,
                MirrorStatus.UP, NOW, GAP);
        assertEquals(Optional.of("it is empty"), facts.getTraceProblem());
        assertFalse(facts.isPartialSync());
        assertEquals(Optional.empty(), facts.getSyncState());
    }
}
