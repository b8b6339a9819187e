package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** A mirror's freshness right after one probe: its overall status and how many records had each status. */
@Entity
@Table(name = "mirror_freshness_snapshot")
@NamedQuery(name = "MirrorFreshnessSnapshot.findByMirror", query = "SELECT s FROM MirrorFreshnessSnapshot s"
        + " WHERE s.distributionMirror.id = :mirrorId ORDER BY s.dateCreated, s.id")
public class MirrorFreshnessSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_mirror_id")
    private DistributionMirror distributionMirror;

    @ManyToOne
    @JoinColumn(name = "probe_record_id")
    private MirrorProbeRecord probeRecord;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MirrorStatus overall;

    @Column(nullable = false)
    private int up;
    @Column(name = "one_hour_behind", nullable = false)
    private int oneHourBehind;
    @Column(name = "two_hours_behind", nullable = false)
    private int twoHoursBehind;
    @Column(name = "six_hours_behind", nullable = false)
    private int sixHoursBehind;
    @Column(name = "one_day_behind", nullable = false)
    private int oneDayBehind;
    @Column(name = "two_days_behind", nullable = false)
    private int twoDaysBehind;
    @Column(name = "one_week_behind", nullable = false)
    private int oneWeekBehind;
    @Column(nullable = false)
    private int unknown;

    protected MirrorFreshnessSnapshot() {
    }

    public MirrorFreshnessSnapshot(DistributionMirror mirror, MirrorProbeRecord probeRecord, MirrorStatus overall,
            Map<MirrorStatus, Integer> counts, Instant when) {
        this.distributionMirror = mirror;
        this.probeRecord = probeRecord;
        this.overall = overall;
        this.dateCreated = when;
        this.up = counts.getOrDefault(MirrorStatus.UP, 0);
        this.oneHourBehind = counts.getOrDefault(MirrorStatus.ONEHOURBEHIND, 0);
        this.twoHoursBehind = counts.getOrDefault(MirrorStatus.TWOHOURSBEHIND, 0);
        this.sixHoursBehind = counts.getOrDefault(MirrorStatus.SIXHOURSBEHIND, 0);
        this.oneDayBehind = counts.getOrDefault(MirrorStatus.ONEDAYBEHIND, 0);
        this.twoDaysBehind = counts.getOrDefault(MirrorStatus.TWODAYSBEHIND, 0);
        this.oneWeekBehind = counts.getOrDefault(MirrorStatus.ONEWEEKBEHIND, 0);
        this.unknown = counts.getOrDefault(MirrorStatus.UNKNOWN, 0);
    }

    public Long getId() {
        return id;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }

    public MirrorStatus getOverall() {
        return overall;
    }

    /** How many content records had each status, every status present. */
    public Map<MirrorStatus, Integer> getCounts() {
        Map<MirrorStatus, Integer> counts = new EnumMap<>(MirrorStatus.class);
        counts.put(MirrorStatus.UP, up);
        counts.put(MirrorStatus.ONEHOURBEHIND, oneHourBehind);
        counts.put(MirrorStatus.TWOHOURSBEHIND, twoHoursBehind);
        counts.put(MirrorStatus.SIXHOURSBEHIND, sixHoursBehind);
        counts.put(MirrorStatus.ONEDAYBEHIND, oneDayBehind);
        counts.put(MirrorStatus.TWODAYSBEHIND, twoDaysBehind);
        counts.put(MirrorStatus.ONEWEEKBEHIND, oneWeekBehind);
        counts.put(MirrorStatus.UNKNOWN, unknown);
        return counts;
    }
}
