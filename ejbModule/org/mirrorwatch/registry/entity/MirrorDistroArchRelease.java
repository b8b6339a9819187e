package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A mirror carries the binaries of one (architecture series, pocket, component). */
@Entity
@Table(name = "mirror_distro_arch_release")
@NamedQuery(name = "MirrorDistroArchRelease.find",
        query = "SELECT r FROM MirrorDistroArchRelease r WHERE r.distributionMirror.id = :mirrorId"
                + " AND r.distroArchRelease.id = :targetId AND r.pocket = :pocket AND r.component.id = :componentId")
@NamedQuery(name = "MirrorDistroArchRelease.countByMirror",
        query = "SELECT COUNT(r) FROM MirrorDistroArchRelease r WHERE r.distributionMirror.id = :mirrorId")
@NamedQuery(name = "MirrorDistroArchRelease.findByMirror",
        query = "SELECT r FROM MirrorDistroArchRelease r WHERE r.distributionMirror.id = :mirrorId ORDER BY r.id")
public class MirrorDistroArchRelease extends MirrorContentRecord {

    @ManyToOne(optional = false)
    @JoinColumn(name = "distro_arch_release_id")
    private DistroArchRelease distroArchRelease;

    protected MirrorDistroArchRelease() {
    }

    public MirrorDistroArchRelease(DistributionMirror mirror, DistroArchRelease distroArchRelease,
            PackagePublishingPocket pocket, Component component) {
        super(mirror, pocket, component);
        this.distroArchRelease = Objects.requireNonNull(distroArchRelease);
        mirror.addContent(this);
    }

    public DistroArchRelease getDistroArchRelease() {
        return distroArchRelease;
    }

    @Override
    public DistroRelease getDistroRelease() {
        return distroArchRelease.getDistroRelease();
    }

    @Override
    protected Object target() {
        return distroArchRelease;
    }
}
