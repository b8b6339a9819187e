package org.mirrorwatch.publishing.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * A binary package version published into an architecture series, pocket and component. Its files live
 * in the pool under its source package's name.
 */
@Entity
@Table(name = "binary_package_publication")
public class BinaryPackagePublication implements PoolPublication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distro_arch_release_id")
    private DistroArchRelease distroArchRelease;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackagePublishingPocket pocket;

    @ManyToOne(optional = false)
    @JoinColumn(name = "component_id")
    private Component component;

    @Column(name = "binary_package_name", nullable = false)
    private String binaryPackageName;

    @Column(nullable = false)
    private String version;

    @Column(name = "source_package_name", nullable = false)
    private String sourcePackageName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackagePublishingStatus status;

    @Column(name = "date_published")
    private Instant datePublished;

    @ElementCollection
    @CollectionTable(name = "binary_package_file", joinColumns = @JoinColumn(name = "publication_id"))
    private List<PackageFile> files = new ArrayList<>();

    protected BinaryPackagePublication() {
    }

    public BinaryPackagePublication(DistroArchRelease distroArchRelease, PackagePublishingPocket pocket,
            Component component, String binaryPackageName, String version, String sourcePackageName,
            PackagePublishingStatus status, Instant datePublished, List<PackageFile> files) {
        this.distroArchRelease = Objects.requireNonNull(distroArchRelease);
        this.pocket = Objects.requireNonNull(pocket);
        this.component = Objects.requireNonNull(component);
        this.binaryPackageName = Objects.requireNonNull(binaryPackageName);
        this.version = Objects.requireNonNull(version);
        this.sourcePackageName = Objects.requireNonNull(sourcePackageName);
        this.status = Objects.requireNonNull(status);
        this.datePublished = datePublished;
        this.files = new ArrayList<>(files);
    }

    @Override
    public PublicationKey key() {
        return new PublicationKey(PublicationKind.BINARY, distroArchRelease.getId(), pocket, component.getId());
    }

    @Override
    public Optional<String> checkedPoolPath() {
        return files.stream()
                .filter(file -> file.getFileType() == PublicationKind.BINARY.checkedFileType())
                .findFirst()
                .map(file -> PoolPath.of(component.getName(), sourcePackageName, file.getFilename()));
    }

    @Override
    public Long getId() {
        return id;
    }

    public DistroArchRelease getDistroArchRelease() {
        return distroArchRelease;
    }

    public PackagePublishingPocket getPocket() {
        return pocket;
    }

    public Component getComponent() {
        return component;
    }

    public String getBinaryPackageName() {
        return binaryPackageName;
    }

    public String getVersion() {
        return version;
    }

    public String getSourcePackageName() {
        return sourcePackageName;
    }

    @Override
    public PackagePublishingStatus getStatus() {
        return status;
    }

    @Override
    public Optional<Instant> getDatePublished() {
        return Optional.ofNullable(datePublished);
    }

    public List<PackageFile> getFiles() {
        return List.copyOf(files);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryPackagePublication publication
                && binaryPackageName.equals(publication.binaryPackageName) && version.equals(publication.version)
                && distroArchRelease.equals(publication.distroArchRelease) && pocket == publication.pocket
                && component.equals(publication.component);
    }

    @Override
    public int hashCode() {
        return Objects.hash(binaryPackageName, version, distroArchRelease, pocket, component);
    }

    @Override
    public String toString() {
        return binaryPackageName + " " + version + " in " + distroArchRelease + " " + pocket + "/" + component;
    }
}
