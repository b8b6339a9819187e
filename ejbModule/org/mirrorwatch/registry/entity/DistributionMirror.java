package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.MirrorUrl;

import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.DistroReleaseStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.mirrorwatch.platform.ConflictException;

/**
 * A mirror of one distribution's archive or release images. It knows whether it is official, who turned
 * it off and whether it may come back, which index files it should carry, and how fresh it is overall.
 */
@Entity
@Table(name = "distribution_mirror")
@NamedQuery(name = "DistributionMirror.findByName",
        query = "SELECT m FROM DistributionMirror m WHERE m.name = :name")
@NamedQuery(name = "DistributionMirror.findEnabled",
        query = "SELECT m FROM DistributionMirror m WHERE m.distribution.id = :distributionId AND m.enabled = TRUE"
                + " ORDER BY m.id")
@NamedQuery(name = "DistributionMirror.findEnabledOfficial",
        query = "SELECT m FROM DistributionMirror m WHERE m.distribution.id = :distributionId AND m.enabled = TRUE"
                + " AND " + DistributionMirror.IS_OFFICIAL + " ORDER BY m.id")
@NamedQuery(name = "DistributionMirror.findDisabledOfficial",
        query = "SELECT m FROM DistributionMirror m WHERE m.distribution.id = :distributionId AND m.enabled = FALSE"
                + " AND " + DistributionMirror.IS_OFFICIAL + " ORDER BY m.name")
@NamedQuery(name = "DistributionMirror.findByReviewStatus",
        query = "SELECT m FROM DistributionMirror m WHERE m.distribution.id = :distributionId"
                + " AND m.reviewStatus = :reviewStatus ORDER BY m.dateCreated, m.id")
@NamedQuery(name = "DistributionMirror.findCountryDnsMirror",
        query = "SELECT m FROM DistributionMirror m WHERE m.distribution = :distribution AND m.country = :country"
                + " AND m.content = :content AND m.countryDnsMirror = TRUE")
@NamedQuery(name = "DistributionMirror.findByUrl",
        query = "SELECT m FROM DistributionMirror m WHERE m.httpBaseUrl = :url OR m.httpsBaseUrl = :url"
                + " OR m.ftpBaseUrl = :url OR m.rsyncBaseUrl = :url")
public class DistributionMirror {

    /**
     * {@link #isOfficial()} as a JPQL condition on a mirror aliased {@code m}, so queries that filter on
     * it hold the same rule.
     */
    public static final String IS_OFFICIAL = "(m.officialCandidate = TRUE"
            + " AND m.reviewStatus = org.mirrorwatch.registry.entity.ReviewStatus.OFFICIAL)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_id")
    private Distribution distribution;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private Person owner;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "display_name")
    private String displayName;

    @Column
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MirrorSpeed speed;

    @ManyToOne(optional = false)
    @JoinColumn(name = "country_id")
    private Country country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MirrorContent content;

    @Enumerated(EnumType.STRING)
    @Column(name = "pulse_type", nullable = false)
    private MirrorPulseType pulseType;

    @Column(name = "http_base_url")
    private MirrorUrl httpBaseUrl;

    @Column(name = "https_base_url")
    private MirrorUrl httpsBaseUrl;

    @Column(name = "ftp_base_url")
    private MirrorUrl ftpBaseUrl;

    @Column(name = "rsync_base_url")
    private MirrorUrl rsyncBaseUrl;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_by")
    private DisabledBy disabledBy;

    @Column(name = "official_candidate", nullable = false)
    private boolean officialCandidate;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", nullable = false)
    private ReviewStatus reviewStatus = ReviewStatus.PENDING_REVIEW;

    @ManyToOne
    @JoinColumn(name = "reviewer_id")
    private Person reviewer;

    @Column(name = "date_reviewed")
    private Instant dateReviewed;

    @Column
    private String whiteboard;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Column(name = "country_dns_mirror", nullable = false)
    private boolean countryDnsMirror;

    @Enumerated(EnumType.STRING)
    @Column(name = "probed_freshness", nullable = false)
    private MirrorStatus probedFreshness = MirrorStatus.UNKNOWN;

    @Column(name = "reprobe_requested_at")
    private Instant reprobeRequestedAt;

    /** What the newest probe found of the HTTPS URL's certificate; null without an HTTPS URL or a probe of it. */
    @Embedded
    private TlsCertificate tls;

    /** What the newest probe found of the mirror on each address family; null before one checked them. */
    @Embedded
    private FamilyReachability families;

    /** What the newest probe found of the trace file and the sync marker; never null, so partial sync is false. */
    @Embedded
    private TraceFacts trace = TraceFacts.none();

    @OneToMany(mappedBy = "distributionMirror")
    private List<MirrorDistroArchRelease> archReleases = new ArrayList<>();

    @OneToMany(mappedBy = "distributionMirror")
    private List<MirrorDistroReleaseSource> sourceReleases = new ArrayList<>();

    @OneToMany(mappedBy = "distributionMirror")
    private List<MirrorCDImageDistroRelease> cdImageReleases = new ArrayList<>();

    /**
     * Registers a mirror of the distribution, Launchpad's {@code distribution.newMirror}: the mirror starts
     * disabled and pending review; it is not an official mirror until a mirror administrator says so.
     */
    public static DistributionMirror newMirror(Distribution distribution, Person owner,
            MirrorRegistration registration, Instant now) {
        DistributionMirror mirror = new DistributionMirror(distribution, owner, registration.name(),
                registration.speed(), registration.country(), registration.content(), registration.pulseType(),
                registration.urls(), now);
        mirror.describe(registration.displayName(), registration.description());
        mirror.applyForOfficialStatus(registration.officialCandidate());
        return mirror;
    }

    protected DistributionMirror() {
    }

    DistributionMirror(Distribution distribution, Person owner, MirrorName name, MirrorSpeed speed, Country country,
            MirrorContent content, MirrorPulseType pulseType, MirrorUrls urls, Instant dateCreated) {
        this.distribution = Objects.requireNonNull(distribution);
        this.owner = Objects.requireNonNull(owner);
        this.name = name.value();
        this.speed = Objects.requireNonNull(speed);
        this.country = Objects.requireNonNull(country);
        this.content = Objects.requireNonNull(content);
        this.pulseType = Objects.requireNonNull(pulseType);
        this.dateCreated = Objects.requireNonNull(dateCreated);
        changeUrls(urls);
    }

    /** Launchpad's rule: an official mirror is an official candidate that a mirror admin approved. */
    public boolean isOfficial() {
        return isOfficial(officialCandidate, reviewStatus);
    }

    /** The rule of {@link #isOfficial()}, for callers that read the two columns in a projection. */
    public static boolean isOfficial(boolean officialCandidate, ReviewStatus reviewStatus) {
        return officialCandidate && reviewStatus == ReviewStatus.OFFICIAL;
    }

    public void changeUrls(MirrorUrls urls) {
        if (!Objects.equals(httpsBaseUrl, urls.https())) {
            // The certificate was another URL's; the next probe checks the new one.
            tls = null;
        }
        if (!Objects.equals(httpBaseUrl, urls.http()) || !Objects.equals(httpsBaseUrl, urls.https())) {
            // The families were another host's, perhaps; the next probe checks them again.
            families = null;
        }
        this.httpBaseUrl = urls.http();
        this.httpsBaseUrl = urls.https();
        this.ftpBaseUrl = urls.ftp();
        this.rsyncBaseUrl = urls.rsync();
        keepCountryDnsRoleOnlyIfQualified();
    }

    /**
     * Takes the edited details of the mirror, as its owner or an administrator submitted them. The review
     * is kept: administrators see the changed URLs in the audit trail.
     */
    public void update(MirrorRegistration registration) {
        if (!registration.country().equals(country) || registration.content() != content) {
            countryDnsMirror = false;
        }
        this.name = registration.name().value();
        this.speed = registration.speed();
        this.country = registration.country();
        this.content = registration.content();
        this.pulseType = registration.pulseType();
        describe(registration.displayName(), registration.description());
        applyForOfficialStatus(registration.officialCandidate());
        changeUrls(registration.urls());
    }

    /** Gives the mirror to another owner, as a mirror administrator does. */
    public void changeOwner(Person newOwner) {
        this.owner = Objects.requireNonNull(newOwner);
    }

    /**
     * Sends a mirror that was reviewed as broken back to the administrators' queue, once its owner has
     * fixed it.
     */
    public void resubmitForReview() {
        if (reviewStatus != ReviewStatus.BROKEN) {
            throw new ConflictException("reviewStatus", "Only a mirror reviewed as broken can be resubmitted; "
                    + name + " is " + reviewStatus.title() + ".");
        }
        reviewStatus = ReviewStatus.PENDING_REVIEW;
    }

    /**
     * Makes this mirror the one its country's DNS name points at. Only an official, enabled mirror with an
     * HTTP or HTTPS URL that has been probed qualifies; that another mirror of the country holds the role
     * is the facade's check.
     */
    public void designateCountryDnsMirror(boolean probed) {
        List<String> missing = new ArrayList<>();
        if (!isOfficial()) {
            missing.add("it is not official");
        }
        if (!enabled) {
            missing.add("it is disabled");
        }
        if (getUrls().web().isEmpty()) {
            missing.add("it has no HTTP or HTTPS URL");
        }
        if (!probed) {
            missing.add("it was never probed");
        }
        if (!missing.isEmpty()) {
            throw new ConflictException("countryDnsMirror", name + " cannot be the country DNS mirror: "
                    + String.join(", ", missing) + ".");
        }
        countryDnsMirror = true;
    }

    public void removeCountryDnsMirror() {
        countryDnsMirror = false;
    }

    /**
     * Keeps the overall freshness that the last probe found, so lists can filter on it without reading
     * every content record. {@link #getOverallFreshness()} stays the rule that computes it.
     */
    public void rememberProbedFreshness(MirrorStatus overall) {
        probedFreshness = Objects.requireNonNull(overall);
    }

    /**
     * Keeps what the newest probe found of the HTTPS certificate, or forgets it when the probe did not
     * check one (the mirror has no HTTPS URL any more).
     */
    public void rememberTls(Optional<TlsCertificate> found) {
        tls = found.map(TlsCertificate::copy).orElse(null);
    }

    /**
     * Keeps what the newest probe found on each address family, or forgets it when the probe could not
     * check them (it found no file to ask for again).
     */
    public void rememberFamilies(Optional<FamilyReachability> found) {
        families = found.map(FamilyReachability::copy).orElse(null);
    }

    /** What the newest probe found on each address family; empty when it did not check them. */
    public Optional<FamilyReachability> getFamilies() {
        return Optional.ofNullable(families).filter(FamilyReachability::isKnown);
    }

    /** What the newest probe found of the HTTPS certificate; empty before one was checked. */
    public Optional<TlsCertificate> getTls() {
        // A provider may give an embedded object with null columns rather than null.
        return Optional.ofNullable(tls).filter(found -> found.getState() != null);
    }

    /** Keeps what the newest probe found of the trace file and the sync marker. */
    public void rememberTrace(TraceFacts found) {
        trace = found.copy();
    }

    /** What the newest probe found of the trace file and the sync marker; {@link TraceFacts#none()} before. */
    public TraceFacts getTrace() {
        return trace == null ? TraceFacts.none() : trace;
    }

    /** The overall freshness as of the last probe; UNKNOWN before the first. */
    public MirrorStatus getProbedFreshness() {
        return probedFreshness;
    }

    /**
     * An owner's request to probe the mirror now, granted at most once per {@code gap}.
     *
     * @return how long until the next request is granted; empty when this one is
     */
    public Optional<Duration> requestReprobe(Instant now, Duration gap) {
        if (reprobeRequestedAt != null) {
            Instant next = reprobeRequestedAt.plus(gap);
            if (now.isBefore(next)) {
                return Optional.of(Duration.between(now, next));
            }
        }
        reprobeRequestedAt = now;
        return Optional.empty();
    }

    /** Whether its country's DNS name points at this mirror. */
    public boolean isCountryDnsMirror() {
        return countryDnsMirror;
    }

    /** A mirror that stops qualifying loses the country DNS role at once, so the name never points at it. */
    private void keepCountryDnsRoleOnlyIfQualified() {
        if (countryDnsMirror && (!isOfficial() || !enabled || getUrls().web().isEmpty())) {
            countryDnsMirror = false;
        }
    }

    public void describe(String displayName, String description) {
        this.displayName = blankToNull(displayName);
        this.description = blankToNull(description);
    }

    public void applyForOfficialStatus(boolean officialCandidate) {
        this.officialCandidate = officialCandidate;
        keepCountryDnsRoleOnlyIfQualified();
    }

    void addContent(MirrorContentRecord record) {
        if (record instanceof MirrorDistroArchRelease archRecord) {
            archReleases.add(archRecord);
        } else {
            sourceReleases.add((MirrorDistroReleaseSource) record);
        }
    }

    void addCdImage(MirrorCDImageDistroRelease image) {
        cdImageReleases.add(image);
    }

    /** The longest whiteboard note the registry keeps. */
    public static final int MAX_WHITEBOARD = 4000;

    /** Records a mirror administrator's verdict, with who gave it and when. */
    public void review(Person reviewer, ReviewStatus status, String whiteboard, Instant when) {
        this.reviewer = Objects.requireNonNull(reviewer);
        this.reviewStatus = Objects.requireNonNull(status);
        this.whiteboard = blankToNull(whiteboard);
        this.dateReviewed = Objects.requireNonNull(when);
        keepCountryDnsRoleOnlyIfQualified();
    }

    /** Turns the mirror on, as a mirror administrator does; it forgets who turned it off. */
    public void enable() {
        enabled = true;
        disabledBy = null;
    }

    /**
     * Turns the mirror off on the prober's behalf. A mirror an administrator turned off stays turned off
     * by the administrator, so the prober never brings it back.
     *
     * @return whether the mirror was enabled before
     */
    public boolean disableByProber() {
        boolean wasEnabled = enabled;
        if (enabled) {
            enabled = false;
            disabledBy = DisabledBy.PROBER;
            keepCountryDnsRoleOnlyIfQualified();
        }
        return wasEnabled;
    }

    /** Turns the mirror off as a mirror administrator; only an administrator turns it on again. */
    public void disableByAdmin() {
        enabled = false;
        disabledBy = DisabledBy.ADMIN;
        keepCountryDnsRoleOnlyIfQualified();
    }

    /**
     * Brings back a mirror that the prober turned off, now that it carries content again.
     *
     * @return whether it was re-enabled; false when it was on already or an administrator turned it off
     */
    public boolean reenableByProber() {
        if (enabled || disabledBy != DisabledBy.PROBER) {
            return false;
        }
        enable();
        return true;
    }

    /**
     * The index files this mirror carries if it mirrors all binaries of its distribution: every series,
     * architecture, pocket (in Launchpad's order) and component.
     */
    public List<PackagesIndexPath> guessPackagesPaths() {
        List<PackagesIndexPath> paths = new ArrayList<>();
        for (DistroRelease release : distribution.getReleases()) {
            for (DistroArchRelease archRelease : release.getArchitectures()) {
                for (PackagePublishingPocket pocket : PackagePublishingPocket.values()) {
                    for (Component component : release.getComponents()) {
                        paths.add(PackagesIndexPath.of(archRelease, pocket, component));
                    }
                }
            }
        }
        return paths;
    }

    /** The index files this mirror carries if it mirrors all sources of its distribution. */
    public List<SourcesIndexPath> guessSourcesPaths() {
        List<SourcesIndexPath> paths = new ArrayList<>();
        for (DistroRelease release : distribution.getReleases()) {
            for (PackagePublishingPocket pocket : PackagePublishingPocket.values()) {
                for (Component component : release.getComponents()) {
                    paths.add(SourcesIndexPath.of(release, pocket, component));
                }
            }
        }
        return paths;
    }

    /**
     * How fresh the mirror is as a whole, as Launchpad decides it. An archive mirror is as stale as its
     * stalest known content record; unknown records do not count. A release mirror is up when it carries
     * any CD image. With nothing known, the answer is UNKNOWN.
     */
    public MirrorStatus getOverallFreshness() {
        return overallFreshness(content, Stream.concat(
                archReleases.stream().map(MirrorDistroArchRelease::getFreshness),
                sourceReleases.stream().map(MirrorDistroReleaseSource::getFreshness)), !cdImageReleases.isEmpty());
    }

    /**
     * The rule of {@link #getOverallFreshness()}, for callers that read the statuses in one query instead of
     * loading every mirror's records.
     */
    public static MirrorStatus overallFreshness(MirrorContent content, Stream<MirrorStatus> recordStatuses,
            boolean carriesCdImages) {
        if (content == MirrorContent.RELEASE) {
            return carriesCdImages ? MirrorStatus.UP : MirrorStatus.UNKNOWN;
        }
        return recordStatuses.filter(status -> status != MirrorStatus.UNKNOWN)
                .max(Comparator.naturalOrder())
                .orElse(MirrorStatus.UNKNOWN);
    }

    public List<MirrorDistroArchRelease> getArchReleases() {
        return List.copyOf(archReleases);
    }

    public List<MirrorDistroReleaseSource> getSourceReleases() {
        return List.copyOf(sourceReleases);
    }

    /**
     * The lines a user adds to /etc/apt/sources.list for this archive mirror: every series that is not
     * obsolete, with its updates and security pockets and all its components. Empty for a release mirror.
     */
    public List<String> sourcesList() {
        if (content != MirrorContent.ARCHIVE) {
            return List.of();
        }
        String url = getUrls().web().orElse(getBaseUrl()).value();
        List<String> lines = new ArrayList<>();
        for (DistroRelease series : distribution.getReleases()) {
            if (series.getStatus() == DistroReleaseStatus.OBSOLETE) {
                continue;
            }
            String components = String.join(" ", series.getComponents().stream().map(Component::getName).toList());
            for (PackagePublishingPocket pocket : List.of(PackagePublishingPocket.RELEASE,
                    PackagePublishingPocket.UPDATES, PackagePublishingPocket.SECURITY)) {
                lines.add("deb " + url + " " + series.suiteName(pocket) + " " + components);
            }
        }
        return lines;
    }

    /** The URLs of this mirror, one per scheme. */
    public MirrorUrls getUrls() {
        return new MirrorUrls(httpBaseUrl, httpsBaseUrl, ftpBaseUrl, rsyncBaseUrl);
    }

    /** The base URL that content paths are resolved against: HTTPS, then HTTP, then FTP. */
    public MirrorUrl getBaseUrl() {
        return getUrls().download();
    }

    public Long getId() {
        return id;
    }

    public Distribution getDistribution() {
        return distribution;
    }

    public Person getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The name to show people: the display name, or the name when there is none. */
    public String getTitle() {
        return displayName != null ? displayName : name;
    }

    public String getDescription() {
        return description;
    }

    public MirrorSpeed getSpeed() {
        return speed;
    }

    public Country getCountry() {
        return country;
    }

    public MirrorContent getContent() {
        return content;
    }

    public MirrorPulseType getPulseType() {
        return pulseType;
    }

    public Optional<MirrorUrl> getHttpBaseUrl() {
        return Optional.ofNullable(httpBaseUrl);
    }

    public Optional<MirrorUrl> getHttpsBaseUrl() {
        return Optional.ofNullable(httpsBaseUrl);
    }

    public Optional<MirrorUrl> getFtpBaseUrl() {
        return Optional.ofNullable(ftpBaseUrl);
    }

    public Optional<MirrorUrl> getRsyncBaseUrl() {
        return Optional.ofNullable(rsyncBaseUrl);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Optional<DisabledBy> getDisabledBy() {
        return Optional.ofNullable(disabledBy);
    }

    public boolean isOfficialCandidate() {
        return officialCandidate;
    }

    public ReviewStatus getReviewStatus() {
        return reviewStatus;
    }

    public Optional<Person> getReviewer() {
        return Optional.ofNullable(reviewer);
    }

    public Optional<Instant> getDateReviewed() {
        return Optional.ofNullable(dateReviewed);
    }

    public String getWhiteboard() {
        return whiteboard;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistributionMirror mirror && name.equals(mirror.name);
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
