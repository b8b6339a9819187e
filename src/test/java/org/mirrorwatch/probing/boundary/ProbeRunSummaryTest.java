package org.mirrorwatch.probing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

class ProbeRunSummaryTest {

    private static ProbeRunSummary run(RunState state, int total, int done) {
        return new ProbeRunSummary(1, MirrorContent.ARCHIVE, RunTrigger.MANUAL, state, Instant.EPOCH, null, total,
                done, 0, 0, null, 0, List.of());
    }

    @Test
    void percentDone_isTheShareOfMirrorsProbed_rounded() {
        assertEquals(33, run(RunState.RUNNING, 3, 1).percentDone());
        assertEquals(67, run(RunState.RUNNING, 3, 2).percentDone());
        assertEquals(100, run(RunState.DONE, 3, 3).percentDone());
    }

    @Test
    void aRoundWithoutMirrors_isAt0WhileItRuns_andCompleteOnceEnded() {
        assertEquals(0, run(RunState.RUNNING, 0, 0).percentDone());
        assertEquals(100, run(RunState.DONE, 0, 0).percentDone());
        assertEquals(100, run(RunState.ABORTED, 0, 0).percentDone());
    }
}
