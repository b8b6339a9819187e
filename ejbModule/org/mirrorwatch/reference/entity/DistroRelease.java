package org.mirrorwatch.reference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A series (release) of a distribution, such as warty or hoary. */
@Entity
@Table(name = "distro_release")
public class DistroRelease {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_id")
    private Distribution distribution;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DistroReleaseStatus status;

    @ManyToMany
    @JoinTable(name = "distro_release_component",
            joinColumns = @JoinColumn(name = "distro_release_id"),
            inverseJoinColumns = @JoinColumn(name = "component_id"))
    @OrderColumn(name = "position")
    private List<Component> components = new ArrayList<>();

    @OneToMany(mappedBy = "distroRelease")
    @OrderBy("id")
    private List<DistroArchRelease> architectures = new ArrayList<>();

    protected DistroRelease() {
    }

    public DistroRelease(Distribution distribution, String name, String version, DistroReleaseStatus status,
            List<Component> components) {
        this.distribution = Objects.requireNonNull(distribution);
        this.name = Objects.requireNonNull(name);
        this.version = Objects.requireNonNull(version);
        this.status = Objects.requireNonNull(status);
        this.components = new ArrayList<>(components);
        distribution.addRelease(this);
    }

    /** A new version string or life-cycle state; its name and components stay. */
    public void update(String version, DistroReleaseStatus status) {
        this.version = Objects.requireNonNull(version);
        this.status = Objects.requireNonNull(status);
    }

    void addArchitecture(DistroArchRelease architecture) {
        architectures.add(architecture);
    }

    public Long getId() {
        return id;
    }

    public Distribution getDistribution() {
        return distribution;
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public DistroReleaseStatus getStatus() {
        return status;
    }

    /** The components of this series, in the series' own order (main first). */
    public List<Component> getComponents() {
        return List.copyOf(components);
    }

    /** The architecture series, oldest first. */
    public List<DistroArchRelease> getArchitectures() {
        return List.copyOf(architectures);
    }

    /** The suite name of a pocket, e.g. "hoary-security". */
    public String suiteName(PackagePublishingPocket pocket) {
        return name + pocket.suffix();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistroRelease release
                && distribution.equals(release.distribution) && name.equals(release.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(distribution, name);
    }

    @Override
    public String toString() {
        return distribution + "/" + name;
    }
}
