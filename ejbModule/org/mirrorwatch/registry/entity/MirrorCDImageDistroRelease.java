package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.DistroRelease;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** A release mirror carries every image of one (series, flavour), e.g. hoary's "ubuntu" CD images. */
@Entity
@Table(name = "mirror_cd_image_distro_release")
public class MirrorCDImageDistroRelease {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_mirror_id")
    private DistributionMirror distributionMirror;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distro_release_id")
    private DistroRelease distroRelease;

    @Column(nullable = false)
    private String flavour;

    protected MirrorCDImageDistroRelease() {
    }

    public MirrorCDImageDistroRelease(DistributionMirror mirror, DistroRelease distroRelease, String flavour) {
        this.distributionMirror = Objects.requireNonNull(mirror);
        this.distroRelease = Objects.requireNonNull(distroRelease);
        this.flavour = Objects.requireNonNull(flavour);
        mirror.addCdImage(this);
    }

    public Long getId() {
        return id;
    }

    public DistributionMirror getDistributionMirror() {
        return distributionMirror;
    }

    public DistroRelease getDistroRelease() {
        return distroRelease;
    }

    public String getFlavour() {
        return flavour;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MirrorCDImageDistroRelease image && distributionMirror.equals(image.distributionMirror)
                && distroRelease.equals(image.distroRelease) && flavour.equals(image.flavour);
    }

    @Override
    public int hashCode() {
        return Objects.hash(distributionMirror, distroRelease, flavour);
    }
}
