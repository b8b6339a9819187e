package org.mirrorwatch.probing.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the round runner and the round participants do alike with a probe that finished: one mirror's bad
 * data, or a probe that threw, must not stop the round; it is logged, naming the mirror, and the round goes
 * on.
 */
final class FinishedProbes {

    private static final Logger LOG = Logger.getLogger(FinishedProbes.class.getName());

    private FinishedProbes() {
    }

    /** Records the outcome in its own transaction; a crashed probe records nothing. */
    static void recordSafely(ProbeRecorder recorder, ProbeOutcome outcome) {
        recordSafely(outcome, () -> recorder.record(outcome));
    }

    /** Records the outcome of a claim's mirror, marked recorded in the claim in the same transaction. */
    static void recordSafely(ProbeRecorder recorder, ProbeOutcome outcome, long runId, long claimId) {
        recordSafely(outcome, () -> recorder.record(outcome, runId, claimId));
    }

    private static void recordSafely(ProbeOutcome outcome, Runnable recording) {
        if (outcome.crashed()) {
            return;
        }
        try {
            recording.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Probe of mirror " + outcome.target().name() + " could not be recorded", e);
        }
    }

    /** The outcome of a probe that threw instead of answering. */
    static ProbeOutcome crashed(ProbeTarget target, Throwable failure) {
        LOG.log(Level.WARNING, "Probe of mirror " + target.name() + " failed unexpectedly", failure);
        return target.crashed("Probe failed unexpectedly: " + failure + "\n");
    }
}
