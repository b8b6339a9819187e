package org.mirrorwatch.probing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.mirrorwatch.registry.entity.MirrorFreshnessSnapshot;
import org.mirrorwatch.registry.control.ContentState;
import org.mirrorwatch.registry.control.MirrorAvailability;
import org.mirrorwatch.registry.control.MirrorContentStore;
import org.mirrorwatch.registry.control.MirrorsChanged;
import org.mirrorwatch.registry.control.ProbeRecords;
import org.mirrorwatch.registry.control.FamilyNotices;
import org.mirrorwatch.registry.control.SuiteConsistency;
import org.mirrorwatch.registry.control.TlsNotices;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.registry.entity.MirrorCDImageDistroRelease;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.SyncState;
import org.mirrorwatch.registry.entity.TraceFacts;

/**
 * Writes one mirror's probe in one transaction: its content records and their freshness, the probe
 * record with its log and TLS finding, a freshness snapshot, and the mirror's enabled state with the
 * owner's mail (and the certificate and address family notices), and the suites it found inconsistent
 * (with their notice). A
 * crash loses only the mirrors whose probe was not yet recorded.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProbeRecorder {

    private static final Logger LOG = Logger.getLogger(ProbeRecorder.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<MirrorsChanged> mirrorsChanged;

    @Inject
    MirrorContentStore content;

    @Inject
    ProbeRecords probeRecords;

    @Inject
    MirrorAvailability availability;

    @Inject
    TlsNotices tlsNotices;

    @Inject
    FamilyNotices familyNotices;

    @Inject
    SuiteConsistency suiteConsistency;

    @Inject
    ProbeSettings settings;

    @Inject
    Clock clock;

    /** Records either kind of probe. */
    /**
     * Records the probe of a claim's mirror and, in the same transaction, marks it recorded in its claim and
     * counts it in the round: an instance that dies after this commit leaves it to nobody to probe again.
     */
    public void record(ProbeOutcome outcome, long runId, long claimId) {
        record(outcome);
        ClaimStore.countDone(em, runId, ClaimStore.markRecorded(em, claimId, outcome.target().mirrorId(),
                clock.instant()));
    }

    public void record(ProbeOutcome outcome) {
        if (outcome instanceof ReleaseProbeOutcome release) {
            recordRelease(release);
        } else if (outcome instanceof MirrorProbeOutcome archive) {
            recordArchive(archive);
        }
    }

    /**
     * A release probe replaces the mirror's CD-image records with the pairs it found complete; a mirror
     * that lacks any expected pair is disabled, as Launchpad does.
     */
    private void recordRelease(ReleaseProbeOutcome outcome) {
        DistributionMirror mirror = em.find(DistributionMirror.class, outcome.target().mirrorId());
        if (mirror == null) {
            return;
        }
        em.createQuery("DELETE FROM MirrorCDImageDistroRelease i WHERE i.distributionMirror.id = :mirrorId")
                .setParameter("mirrorId", mirror.getId()).executeUpdate();
        for (ImagePair pair : outcome.found()) {
            em.persist(new MirrorCDImageDistroRelease(mirror, em.find(DistroRelease.class, pair.seriesId()),
                    pair.flavour()));
        }
        MirrorProbeRecord probe = probeRecords.newProbeRecord(mirror, outcome.log());
        em.flush();
        em.refresh(mirror);
        recordTls(mirror, probe, outcome);
        if (outcome.lacksAnyPair()) {
            availability.disableAndNotifyOwner(mirror);
        } else {
            availability.reenableAndNotifyOwner(mirror, Optional.of(probe));
        }
        recordFamilies(mirror, probe, outcome);
        MirrorStatus overall = mirror.getOverallFreshness();
        mirror.rememberProbedFreshness(overall);
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        em.persist(new MirrorFreshnessSnapshot(mirror, probe, overall,
                Map.of(MirrorStatus.UP, outcome.found().size()), clock.instant()));
        LOG.info(() -> String.format("Probed release mirror %s: %d of %d CD image pairs complete, %s%s",
                mirror.getName(), outcome.found().size(), outcome.target().pairs().size(),
                mirror.isEnabled() ? "enabled" : "disabled", findingsOf(outcome)));
    }

    private void recordArchive(MirrorProbeOutcome outcome) {
        DistributionMirror mirror = em.find(DistributionMirror.class, outcome.target().mirrorId());
        if (mirror == null) {
            LOG.info(() -> "Mirror " + outcome.target().name() + " was deleted during its probe; nothing recorded");
            return;
        }
        content.applyProbe(mirror.getId(), outcome.indexes().stream().map(index -> new ContentState(
                index.check().kind(), index.check().targetId(), index.check().pocket(), index.check().componentId(),
                index.present() ? index.freshness() : null)).toList());
        MirrorProbeRecord probe = probeRecords.newProbeRecord(mirror, outcome.log());
        em.flush();
        em.refresh(mirror);
        recordTls(mirror, probe, outcome);
        Instant now = clock.instant();
        TraceFacts trace = judged(outcome, mirror.getOverallFreshness(), now);
        probe.recordTrace(trace);
        mirror.rememberTrace(trace);
        boolean carriesContent = outcome.carriesContent();
        if (!carriesContent) {
            availability.disableAndNotifyOwner(mirror);
        } else {
            availability.reenableAndNotifyOwner(mirror, Optional.of(probe));
        }
        recordFamilies(mirror, probe, outcome);
        Map<String, String> inconsistent = new TreeMap<>();
        outcome.suites().stream().filter(SuiteOutcome::inconsistent)
                .forEach(suite -> inconsistent.put(suite.suite(), suite.detail()));
        suiteConsistency.record(mirror, inconsistent, now);
        MirrorStatus overall = mirror.getOverallFreshness();
        mirror.rememberProbedFreshness(overall);
        mirrorsChanged.fire(new MirrorsChanged(mirror.getDistribution().getId()));
        em.persist(new MirrorFreshnessSnapshot(mirror, probe, overall, countByStatus(mirror), now));
        LOG.info(() -> String.format("Probed mirror %s: %d content records, overall %s, %s%s%s%s", mirror.getName(),
                outcome.indexes().stream().filter(IndexOutcome::present).count(), overall,
                mirror.isEnabled() ? "enabled" : "disabled", findingsOf(outcome),
                outcome.trace().isEmpty() ? "" : ", " + trace.describe(overall),
                inconsistent.isEmpty() ? "" : ", inconsistent suites " + String.join(" ", inconsistent.keySet())));
        if (trace.getSyncState().filter(state -> state == SyncState.STALE_MARKER).isPresent()) {
            LOG.warning(() -> "Mirror " + mirror.getName() + " has a sync marker "
                    + trace.getSyncMarkerAge().map(TraceFacts::hours).orElse("") + " old, older than "
                    + settings.getSyncMarkerLimit() + ": a leftover of a sync that died, not counted as syncing");
        }
    }

    /** The trace and the marker the probe read, judged against the pool files' freshness and the settings. */
    private TraceFacts judged(MirrorProbeOutcome outcome, MirrorStatus poolFreshness, Instant now) {
        if (outcome.trace().isEmpty()) {
            return TraceFacts.none();
        }
        TraceFinding found = outcome.trace().get();
        Optional<Duration> markerAge = found.markerModified().map(modified -> Duration.between(modified, now));
        SyncState sync = found.markerFound() == null ? null
                : TraceFacts.syncStateOf(found.markerFound(), markerAge, settings.getSyncMarkerLimit());
        return TraceFacts.judged(found.state(), found.time(), found.problem(), sync,
                found.markerFound() == Boolean.TRUE ? markerAge.orElse(null) : null, poolFreshness, now,
                settings.getTraceGap());
    }

    /**
     * Keeps what the probe found of the HTTPS certificate, with the probe and as the mirror's newest, and
     * mails the notice it calls for. Called after the mirror's refresh, which would undo it.
     */
    private void recordTls(DistributionMirror mirror, MirrorProbeRecord probe, ProbeOutcome outcome) {
        outcome.tls().ifPresent(probe::recordTls);
        mirror.rememberTls(outcome.tls());
        outcome.tls().ifPresent(tls -> tlsNotices.noticeIfDue(mirror, tls, clock.instant()));
    }

    /**
     * Keeps what the probe found on each address family, with the probe and as the mirror's newest, and
     * tells the owner of a degradation once. Called after the mirror's enabled state is settled: a mirror
     * the probe disabled is not told it is degraded.
     */
    private void recordFamilies(DistributionMirror mirror, MirrorProbeRecord probe, ProbeOutcome outcome) {
        outcome.families().ifPresent(probe::recordFamilies);
        mirror.rememberFamilies(outcome.families());
        outcome.families().ifPresent(families -> familyNotices.noticeIfDue(mirror, families, clock.instant()));
    }

    /** The certificate's state and the address families, as the probe's log line names them. */
    private static String findingsOf(ProbeOutcome outcome) {
        return outcome.tls().map(tls -> ", HTTPS " + tls.getState()).orElse("")
                + outcome.families().map(families -> ", " + families.describe()).orElse("");
    }

    private static Map<MirrorStatus, Integer> countByStatus(DistributionMirror mirror) {
        Map<MirrorStatus, Integer> counts = new EnumMap<>(MirrorStatus.class);
        Stream.concat(mirror.getArchReleases().stream(), mirror.getSourceReleases().stream())
                .forEach(record -> counts.merge(record.getFreshness(), 1, Integer::sum));
        return counts;
    }
}
