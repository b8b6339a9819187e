package org.mirrorwatch.reference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** One architecture of a series, such as warty i386. */
@Entity
@Table(name = "distro_arch_release")
public class DistroArchRelease {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distro_release_id")
    private DistroRelease distroRelease;

    @Column(name = "architecture_tag", nullable = false)
    private String architectureTag;

    @Column(nullable = false)
    private boolean official;

    protected DistroArchRelease() {
    }

    public DistroArchRelease(DistroRelease distroRelease, String architectureTag, boolean official) {
        this.distroRelease = Objects.requireNonNull(distroRelease);
        this.architectureTag = Objects.requireNonNull(architectureTag);
        this.official = official;
        distroRelease.addArchitecture(this);
    }

    /** Whether the architecture is an official port of the series, which mirrors are expected to carry. */
    public void markOfficial(boolean official) {
        this.official = official;
    }

    public Long getId() {
        return id;
    }

    public DistroRelease getDistroRelease() {
        return distroRelease;
    }

    public String getArchitectureTag() {
        return architectureTag;
    }

    public boolean isOfficial() {
        return official;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistroArchRelease archRelease
                && distroRelease.equals(archRelease.distroRelease)
                && architectureTag.equals(archRelease.architectureTag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(distroRelease, architectureTag);
    }

    @Override
    public String toString() {
        return distroRelease + "/" + architectureTag;
    }
}
