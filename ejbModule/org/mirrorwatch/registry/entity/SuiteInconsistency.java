package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A suite a mirror serves inconsistently: the sizes of some of its index files differ from what the
 * suite's InRelease promises, so apt fails there now. It exists from the first probe that finds this to
 * the first probe that does not (one episode); {@code probes} counts the probes in a row that found it.
 * Written by the prober only (with SQL upserts, so that two probes of one mirror at once cannot clash);
 * read here.
 */
@Entity
@Table(name = "suite_inconsistency")
@IdClass(SuiteInconsistency.Key.class)
@NamedQuery(name = "SuiteInconsistency.findByMirrors", query = "SELECT s FROM SuiteInconsistency s"
        + " WHERE s.mirrorId IN :mirrorIds ORDER BY s.mirrorId, s.suite")
@NamedQuery(name = "SuiteInconsistency.findAll", query = "SELECT s FROM SuiteInconsistency s")
public class SuiteInconsistency {

    /** The longest detail kept; a longer one is cut. */
    public static final int DETAIL_LENGTH = 1000;
    public static final int SUITE_LENGTH = 100;

    @Id
    @Column(name = "distribution_mirror_id")
    private Long mirrorId;

    @Id
    @Column(name = "suite")
    private String suite;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "probes", nullable = false)
    private int probes;

    @Column(name = "detail", nullable = false)
    private String detail;

    @Column(name = "date_notified")
    private Instant dateNotified;

    protected SuiteInconsistency() {
    }

    public long getMirrorId() {
        return mirrorId;
    }

    public String getSuite() {
        return suite;
    }

    /** When the first probe of this episode found it. */
    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    /** How many probes in a row have found it. */
    public int getProbes() {
        return probes;
    }

    /** What differs, e.g. "main/binary-i386/Packages.gz is served with 812 bytes, but … promises 790". */
    public String getDetail() {
        return detail;
    }

    /** When its owner was told, if yet. */
    public Optional<Instant> getDateNotified() {
        return Optional.ofNullable(dateNotified);
    }

    /** The key: the mirror and the suite. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private Long mirrorId;
        private String suite;

        public Key() {
        }

        public Key(long mirrorId, String suite) {
            this.mirrorId = mirrorId;
            this.suite = suite;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && java.util.Objects.equals(mirrorId, that.mirrorId)
                    && java.util.Objects.equals(suite, that.suite);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(mirrorId, suite);
        }
    }
}
