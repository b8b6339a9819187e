package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mirrorwatch.librarian.LibraryFile;

/** One probe of a mirror: when it ran, and the log it wrote, kept in the librarian. */
@Entity
@Table(name = "mirror_probe_record")
@NamedQuery(name = "MirrorProbeRecord.findByLogFile",
        query = "SELECT r FROM MirrorProbeRecord r WHERE r.logFile.id = :fileId")
@NamedQuery(name = "MirrorProbeRecord.countByMirror",
        query = "SELECT COUNT(r) FROM MirrorProbeRecord r WHERE r.distributionMirror.id = :mirrorId")
@NamedQuery(name = "MirrorProbeRecord.findByMirror",
        query = "SELECT r FROM MirrorProbeRecord r WHERE r.distributionMirror.id = :mirrorId"
                + " ORDER BY r.dateCreated DESC, r.id DESC")
public class MirrorProbeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_mirror_id")
    private DistributionMirror distributionMirror;

    @ManyToOne(optional = false)
    @JoinColumn(name = "log_file_id")
    private LibraryFile logFile;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    /** What this probe found of the HTTPS certificate; null when the mirror has no HTTPS URL. */
    @Embedded
    private TlsCertificate tls;

    /** What this probe found on each address family; null when it did not check them. */
    @Embedded
    private FamilyReachability families;

    /** What this probe found of the trace file and the sync marker; never null, so partial sync is false. */
    @Embedded
    private TraceFacts trace = TraceFacts.none();

    protected MirrorProbeRecord() {
    }

    public MirrorProbeRecord(DistributionMirror mirror, LibraryFile logFile, Instant dateCreated) {
        this.distributionMirror = Objects.requireNonNull(mirror);
        this.logFile = Objects.requireNonNull(logFile);
        this.dateCreated = Objects.requireNonNull(dateCreated);
    }

    /** Records what this probe found of the mirror's HTTPS certificate. */
    public void recordTls(TlsCertificate found) {
        tls = found.copy();
    }

    /** Records what this probe found of the mirror on each address family. */
    public void recordFamilies(FamilyReachability found) {
        families = found.copy();
    }

    public Optional<FamilyReachability> getFamilies() {
        return Optional.ofNullable(families).filter(FamilyReachability::isKnown);
    }

    /** Records what this probe found of the trace file and the sync marker. */
    public void recordTrace(TraceFacts found) {
        trace = found.copy();
    }

    public TraceFacts getTrace() {
        return trace == null ? TraceFacts.none() : trace;
    }

    public Optional<TlsCertificate> getTls() {
        return Optional.ofNullable(tls).filter(found -> found.getState() != null);
    }

    public Long getId() {
        return id;
    }

    public DistributionMirror getDistributionMirror() {
        return distributionMirror;
    }

    public LibraryFile getLogFile() {
        return logFile;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }
}
