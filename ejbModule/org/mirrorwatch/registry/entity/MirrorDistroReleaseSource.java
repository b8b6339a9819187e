package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A mirror carries the sources of one (series, pocket, component). */
@Entity
@Table(name = "mirror_distro_release_source")
@NamedQuery(name = "MirrorDistroReleaseSource.find",
        query = "SELECT r FROM MirrorDistroReleaseSource r WHERE r.distributionMirror.id = :mirrorId"
                + " AND r.distroRelease.id = :targetId AND r.pocket = :pocket AND r.component.id = :componentId")
@NamedQuery(name = "MirrorDistroReleaseSource.countByMirror",
        query = "SELECT COUNT(r) FROM MirrorDistroReleaseSource r WHERE r.distributionMirror.id = :mirrorId")
@NamedQuery(name = "MirrorDistroReleaseSource.findByMirror",
        query = "SELECT r FROM MirrorDistroReleaseSource r WHERE r.distributionMirror.id = :mirrorId ORDER BY r.id")
public class MirrorDistroReleaseSource extends MirrorContentRecord {

    @ManyToOne(optional = false)
    @JoinColumn(name = "distro_release_id")
    private DistroRelease distroRelease;

    protected MirrorDistroReleaseSource() {
    }

    public MirrorDistroReleaseSource(DistributionMirror mirror, DistroRelease distroRelease,
            PackagePublishingPocket pocket, Component component) {
        super(mirror, pocket, component);
        this.distroRelease = Objects.requireNonNull(distroRelease);
        mirror.addContent(this);
    }

    @Override
    public DistroRelease getDistroRelease() {
        return distroRelease;
    }

    @Override
    protected Object target() {
        return distroRelease;
    }
}
