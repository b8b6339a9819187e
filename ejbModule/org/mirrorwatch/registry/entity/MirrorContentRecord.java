package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * What the records of a mirror's content share: the mirror, the pocket, the component and how fresh the
 * mirror's copy is. The subclasses add what was mirrored: an architecture series, or a series' sources.
 */
@MappedSuperclass
public abstract class MirrorContentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_mirror_id")
    private DistributionMirror distributionMirror;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackagePublishingPocket pocket;

    @ManyToOne(optional = false)
    @JoinColumn(name = "component_id")
    private Component component;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MirrorStatus freshness = MirrorStatus.UNKNOWN;

    protected MirrorContentRecord() {
    }

    protected MirrorContentRecord(DistributionMirror distributionMirror, PackagePublishingPocket pocket,
            Component component) {
        this.distributionMirror = Objects.requireNonNull(distributionMirror);
        this.pocket = Objects.requireNonNull(pocket);
        this.component = Objects.requireNonNull(component);
    }

    public Long getId() {
        return id;
    }

    public DistributionMirror getDistributionMirror() {
        return distributionMirror;
    }

    public PackagePublishingPocket getPocket() {
        return pocket;
    }

    public Component getComponent() {
        return component;
    }

    public MirrorStatus getFreshness() {
        return freshness;
    }

    public void setFreshness(MirrorStatus freshness) {
        this.freshness = Objects.requireNonNull(freshness);
    }

    /** The series this content belongs to. */
    public abstract DistroRelease getDistroRelease();

    /** The mirrored target: the architecture series, or the series for sources. */
    protected abstract Object target();

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && distributionMirror.equals(((MirrorContentRecord) other).distributionMirror)
                && target().equals(((MirrorContentRecord) other).target())
                && pocket == ((MirrorContentRecord) other).pocket
                && component.equals(((MirrorContentRecord) other).component);
    }

    @Override
    public int hashCode() {
        return Objects.hash(distributionMirror, target(), pocket, component);
    }

    @Override
    public String toString() {
        return distributionMirror + ": " + target() + " " + pocket + " " + component + " " + freshness;
    }
}
