package org.mirrorwatch.reference.entity;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A Linux distribution, the owner of its series and of the mirrors that serve it. */
@Entity
@Table(name = "distribution")
@NamedQuery(name = "Distribution.findByName", query = "SELECT d FROM Distribution d WHERE d.name = :name")
public class Distribution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "main_archive_url", nullable = false)
    private String mainArchiveUrl;

    @Column(name = "main_releases_url", nullable = false)
    private String mainReleasesUrl;

    @Column(name = "mirror_admin_address")
    private String mirrorAdminAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "trace_format", nullable = false)
    private TraceFormat traceFormat = TraceFormat.NONE;

    /** The trace file under a mirror's base URL; null when the format is NONE. */
    @Column(name = "trace_path")
    private String tracePath;

    /** The name of ftpsync's marker at the archive root, {host} standing for the mirror's host; null for none. */
    @Column(name = "sync_marker")
    private String syncMarker;

    @OneToMany(mappedBy = "distribution")
    @OrderBy("id")
    private List<DistroRelease> releases = new ArrayList<>();

    protected Distribution() {
    }

    public Distribution(String name, String displayName, String mainArchiveUrl, String mainReleasesUrl) {
        this.name = name;
        this.displayName = displayName;
        this.mainArchiveUrl = mainArchiveUrl;
        this.mainReleasesUrl = mainReleasesUrl;
    }

    /** Takes new details from a mirror administrator; the name, which URLs and mail use, stays. */
    public void update(String displayName, String mainArchiveUrl, String mainReleasesUrl, String mirrorAdminAddress) {
        this.displayName = Objects.requireNonNull(displayName);
        this.mainArchiveUrl = Objects.requireNonNull(mainArchiveUrl);
        this.mainReleasesUrl = Objects.requireNonNull(mainReleasesUrl);
        this.mirrorAdminAddress = mirrorAdminAddress;
    }

    /**
     * Says where its mirrors keep their trace file and in which format, and the name of the marker a sync
     * leaves while it runs. The values must have been checked (see the boundary's trace form); a trace of
     * format NONE has no path.
     */
    public void configureTrace(TraceFormat format, String path, String marker) {
        if ((Objects.requireNonNull(format) == TraceFormat.NONE) != (path == null)) {
            throw new IllegalArgumentException("A trace file has a path exactly when it has a format");
        }
        this.traceFormat = format;
        this.tracePath = path;
        this.syncMarker = marker;
    }

    public TraceFormat getTraceFormat() {
        return traceFormat;
    }

    public Optional<String> getTracePath() {
        return Optional.ofNullable(tracePath);
    }

    public Optional<String> getSyncMarker() {
        return Optional.ofNullable(syncMarker);
    }

    void addRelease(DistroRelease release) {
        releases.add(release);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getMainArchiveUrl() {
        return mainArchiveUrl;
    }

    public String getMainReleasesUrl() {
        return mainReleasesUrl;
    }

    /** The mirror administrators' own address, which gets a copy of every mirror notification. */
    public Optional<String> getMirrorAdminAddress() {
        return Optional.ofNullable(mirrorAdminAddress);
    }

    /** The series, oldest first. */
    /** The names of its series, sorted, as a CD-image manifest names them. */
    public SortedSet<String> getSeriesNames() {
        return releases.stream().map(DistroRelease::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    public List<DistroRelease> getReleases() {
        return List.copyOf(releases);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Distribution distribution && name.equals(distribution.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
