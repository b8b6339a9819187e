package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one probe found of a mirror's trace file and sync marker: the trace's state, the time it names and
 * its age at the probe, why it was refused, whether it disagrees with the pool files' freshness (a
 * partial sync), and whether a sync was running. Kept with each probe and, as the newest, on the mirror.
 * Everything is empty (and partial sync false) when the distribution has neither trace nor marker.
 */
@Embeddable
public class TraceFacts {

    static final int PROBLEM_LENGTH = 300;

    @Enumerated(EnumType.STRING)
    @Column(name = "trace_state")
    private TraceState traceState;

    @Column(name = "trace_time")
    private Instant traceTime;

    @Column(name = "trace_age_seconds")
    private Long traceAgeSeconds;

    @Column(name = "trace_problem")
    private String traceProblem;

    @Column(name = "trace_partial_sync", nullable = false)
    private boolean partialSync;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_state")
    private SyncState syncState;

    @Column(name = "sync_marker_age_seconds")
    private Long syncMarkerAgeSeconds;

    protected TraceFacts() {
    }

    /** Neither trace nor marker was looked for. */
    public static TraceFacts none() {
        return new TraceFacts();
    }

    /**
     * Judges what a probe read.
     *
     * @param state         the trace's state; null when the distribution has no trace file
     * @param traceTime     the time a FOUND trace names
     * @param problem       why the trace was not FOUND, in plain words
     * @param sync          the marker's verdict; null when the distribution names no marker
     * @param markerAge     how old a dated marker was
     * @param poolFreshness the freshness the pool files gave this probe
     * @param gap           how far the trace's age and the pool files' freshness may disagree
     */
    public static TraceFacts judged(TraceState state, Instant traceTime, String problem, SyncState sync,
            Duration markerAge, MirrorStatus poolFreshness, Instant now, Duration gap) {
        TraceFacts facts = new TraceFacts();
        facts.traceState = state;
        if (state == TraceState.FOUND) {
            facts.traceTime = Objects.requireNonNull(traceTime);
            Duration age = Duration.between(traceTime, now);
            facts.traceAgeSeconds = Math.max(0, age.toSeconds());
            facts.partialSync = disagree(Duration.ofSeconds(facts.traceAgeSeconds), poolFreshness, gap);
        } else if (state != null) {
            facts.traceProblem = problem == null ? null : bounded(problem);
        }
        facts.syncState = sync;
        facts.syncMarkerAgeSeconds = markerAge == null ? null : Math.max(0, markerAge.toSeconds());
        return facts;
    }

    /**
     * Whether a trace of this age and the pool files' freshness disagree by more than the gap: the age lies
     * more than the gap outside the window of lag that the freshness stands for ((0, 0.5 h] for up to date,
     * (0.5 h, 1.5 h] for one hour behind, … (48.5 h, 168.5 h] for one week behind). An UNKNOWN freshness
     * cannot disagree.
     */
    public static boolean disagree(Duration traceAge, MirrorStatus poolFreshness, Duration gap) {
        if (poolFreshness == MirrorStatus.UNKNOWN) {
            return false;
        }
        Duration upper = poolFreshness.threshold();
        Duration lower = poolFreshness == MirrorStatus.UP ? Duration.ZERO
                : MirrorStatus.values()[poolFreshness.ordinal() - 1].threshold();
        return traceAge.compareTo(upper.plus(gap)) > 0 || traceAge.compareTo(lower.minus(gap)) < 0;
    }

    /** The marker's verdict: syncing while younger than the limit, a stale leftover after, undated without a date. */
    public static SyncState syncStateOf(boolean markerFound, Optional<Duration> markerAge, Duration limit) {
        if (!markerFound) {
            return SyncState.NOT_SYNCING;
        }
        return markerAge.map(age -> age.compareTo(limit) < 0 ? SyncState.SYNCING : SyncState.STALE_MARKER)
                .orElse(SyncState.UNDATED_MARKER);
    }

    private static String bounded(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= PROBLEM_LENGTH ? printable : printable.substring(0, PROBLEM_LENGTH - 1) + "…";
    }

    /** Whether a sync was running at the probe, so the mirror is neither disabled nor its owner told. */
    public boolean isSyncing() {
        return syncState == SyncState.SYNCING;
    }

    public Optional<TraceState> getTraceState() {
        return Optional.ofNullable(traceState);
    }

    public Optional<Instant> getTraceTime() {
        return Optional.ofNullable(traceTime);
    }

    public Optional<Duration> getTraceAge() {
        return Optional.ofNullable(traceAgeSeconds).map(Duration::ofSeconds);
    }

    public Optional<String> getTraceProblem() {
        return Optional.ofNullable(traceProblem);
    }

    public boolean isPartialSync() {
        return partialSync;
    }

    public Optional<SyncState> getSyncState() {
        return Optional.ofNullable(syncState);
    }

    public Optional<Duration> getSyncMarkerAge() {
        return Optional.ofNullable(syncMarkerAgeSeconds).map(Duration::ofSeconds);
    }

    /** One line for logs, e.g. "trace FOUND, 2 h old; pool files UP: partial sync; SYNCING (marker 10 min old)". */
    public String describe(MirrorStatus poolFreshness) {
        StringBuilder text = new StringBuilder();
        if (traceState != null) {
            text.append("trace ").append(traceState);
            getTraceAge().ifPresent(age -> text.append(", ").append(hours(age)).append(" old"));
            getTraceProblem().ifPresent(problem -> text.append(" (").append(problem).append(")"));
            if (partialSync) {
                text.append("; pool files ").append(poolFreshness.title().toLowerCase(java.util.Locale.ROOT))
                        .append(": partial sync");
            }
        }
        if (syncState != null) {
            text.append(text.isEmpty() ? "" : "; ").append(syncState);
            getSyncMarkerAge().ifPresent(age -> text.append(" (marker ").append(hours(age)).append(" old)"));
        }
        return text.toString();
    }

    /** "3.5 h", "45 min". */
    public static String hours(Duration age) {
        long minutes = age.toMinutes();
        return minutes < 60 ? minutes + " min" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }

    /** A copy, so that the probe record and the mirror never share one embedded instance. */
    public TraceFacts copy() {
        TraceFacts copy = new TraceFacts();
        copy.traceState = traceState;
        copy.traceTime = traceTime;
        copy.traceAgeSeconds = traceAgeSeconds;
        copy.traceProblem = traceProblem;
        copy.partialSync = partialSync;
        copy.syncState = syncState;
        copy.syncMarkerAgeSeconds = syncMarkerAgeSeconds;
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TraceFacts that && traceState == that.traceState
                && Objects.equals(traceTime, that.traceTime) && Objects.equals(traceAgeSeconds, that.traceAgeSeconds)
                && Objects.equals(traceProblem, that.traceProblem) && partialSync == that.partialSync
                && syncState == that.syncState && Objects.equals(syncMarkerAgeSeconds, that.syncMarkerAgeSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceState, traceTime, syncState);
    }
}
