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
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/** A source package version published into a series, pocket and component. */
@Entity
@Table(name = "source_package_publication")
public class SourcePackagePublication implements PoolPublication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distro_release_id")
    private DistroRelease distroRelease;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackagePublishingPocket pocket;

    @ManyToOne(optional = false)
    @JoinColumn(name = "component_id")
    private Component component;

    @Column(name = "source_package_name", nullable = false)
    private String sourcePackageName;

    @Column(nullable = false)
    private String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackagePublishingStatus status;

    @Column(name = "date_published")
    private Instant datePublished;

    @ElementCollection
    @CollectionTable(name = "source_package_file", joinColumns = @JoinColumn(name = "publication_id"))
    private List<PackageFile> files = new ArrayList<>();

    protected SourcePackagePublication() {
    }

    public SourcePackagePublication(DistroRelease distroRelease, PackagePublishingPocket pocket, Component component,
            String sourcePackageName, String version, PackagePublishingStatus status, Instant datePublished,
            List<PackageFile> files) {
        this.distroRelease = Objects.requireNonNull(distroRelease);
        this.pocket = Objects.requireNonNull(pocket);
        this.component = Objects.requireNonNull(component);
        this.sourcePackageName = Objects.requireNonNull(sourcePackageName);
        this.version = Objects.requireNonNull(version);
        this.status = Objects.requireNonNull(status);
        this.datePublished = datePublished;
        this.files = new ArrayList<>(files);
    }

    @Override
    public PublicationKey key() {
        return new PublicationKey(PublicationKind.SOURCE, distroRelease.getId(), pocket, component.getId());
    }

    @Override
    public Optional<String> checkedPoolPath() {
        return files.stream()
                .filter(file -> file.getFileType() == PublicationKind.SOURCE.checkedFileType())
                .findFirst()
                .map(file -> PoolPath.of(component.getName(), sourcePackageName, file.getFilename()));
    }

    @Override
    public Long getId() {
        return id;
    }

    public DistroRelease getDistroRelease() {
        return distroRelease;
    }

    public PackagePublishingPocket getPocket() {
        return pocket;
    }

    public Component getComponent() {
        return component;
    }

    public String getSourcePackageName() {
        return sourcePackageName;
    }

    public String getVersion() {
        return version;
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
        return other instanceof SourcePackagePublication publication
                && sourcePackageName.equals(publication.sourcePackageName) && version.equals(publication.version)
                && distroRelease.equals(publication.distroRelease) && pocket == publication.pocket
                && component.equals(publication.component);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePackageName, version, distroRelease, pocket, component);
    }

    @Override
    public String toString() {
        return sourcePackageName + " " + version + " in " + distroRelease.suiteName(pocket) + "/" + component;
    }
}
