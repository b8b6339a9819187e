package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.FieldError;

/**
 * A time a mirror is down on purpose, said by its owner or an administrator: once, or every week from its
 * first start. During it the mirror is probed and recorded as always, but the prober never disables it,
 * its owner gets no notice, and users' machines are not sent to it. The first probe after it ends that
 * still finds the mirror broken tells the owner once that the maintenance overran.
 */
@Entity
@Table(name = "maintenance_window")
@NamedQuery(name = "MaintenanceWindow.findByMirror", query = "SELECT w FROM MaintenanceWindow w"
        + " WHERE w.distributionMirror.id = :mirrorId ORDER BY w.startsAt, w.id")
@NamedQuery(name = "MaintenanceWindow.findNotOver", query = "SELECT w FROM MaintenanceWindow w"
        + " WHERE w.weekly = TRUE OR w.endsAt > :now")
public class MaintenanceWindow {

    public static final Duration LONGEST = Duration.ofDays(14);
    public static final Duration WEEK = Duration.ofDays(7);
    public static final int NOTE_LENGTH = 500;
    /** How far ahead a window may be scheduled. */
    public static final Duration HORIZON = Duration.ofDays(366);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "distribution_mirror_id")
    private DistributionMirror distributionMirror;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "weekly", nullable = false)
    private boolean weekly;

    @Column(name = "note", nullable = false, length = NOTE_LENGTH)
    private String note;

    @ManyToOne(optional = false)
    @JoinColumn(name = "created_by")
    private Person createdBy;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Column(name = "overrun_notified_end")
    private Instant overrunNotifiedEnd;

    protected MaintenanceWindow() {
    }

    private MaintenanceWindow(DistributionMirror mirror, Interval first, boolean weekly, String note, Person by,
            Instant now) {
        this.distributionMirror = Objects.requireNonNull(mirror);
        this.startsAt = first.start();
        this.endsAt = first.end();
        this.weekly = weekly;
        this.note = note;
        this.createdBy = Objects.requireNonNull(by);
        this.dateCreated = now;
    }

    /** One stretch of time, its end excluded. */
    public record Interval(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        public boolean overlaps(Interval other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    /**
     * A new window, once its rules hold: it ends after it starts and after now, lasts at most 14 days (a
     * weekly one less than a week, or it would never end), starts within a year, has a note, and overlaps
     * none of the mirror's other windows.
     *
     * @throws InvalidInputException naming each rule that does not hold
     */
    public static MaintenanceWindow schedule(DistributionMirror mirror, Instant start, Instant end, boolean weekly,
            String note, Person by, Instant now, List<MaintenanceWindow> others) {
        List<FieldError> errors = new ArrayList<>();
        String cleanNote = note == null ? "" : note.strip();
        if (start == null) {
            errors.add(new FieldError("startsAt", "Give the start, e.g. 2026-12-01T22:00:00Z."));
        }
        if (end == null) {
            errors.add(new FieldError("endsAt", "Give the end, e.g. 2026-12-02T02:00:00Z."));
        }
        if (start != null && end != null) {
            Duration length = Duration.between(start, end);
            if (!end.isAfter(start)) {
                errors.add(new FieldError("endsAt", "The end must come after the start."));
            } else if (length.compareTo(LONGEST) > 0) {
                errors.add(new FieldError("endsAt", "A maintenance window lasts at most 14 days."));
            } else if (weekly && length.compareTo(WEEK) >= 0) {
                errors.add(new FieldError("endsAt", "A weekly window must be shorter than a week."));
            } else if (!weekly && !end.isAfter(now)) {
                errors.add(new FieldError("endsAt", "The window is over already."));
            }
            if (start.isAfter(now.plus(HORIZON))) {
                errors.add(new FieldError("startsAt", "A window may start at most a year ahead."));
            }
        }
        if (cleanNote.isEmpty() || cleanNote.length() > NOTE_LENGTH) {
            errors.add(new FieldError("note", "Say in 1 to " + NOTE_LENGTH + " characters what the maintenance is."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        MaintenanceWindow window = new MaintenanceWindow(mirror, new Interval(start, end), weekly, cleanNote, by, now);
        for (MaintenanceWindow other : others) {
            if (window.overlaps(other, now)) {
                throw new InvalidInputException("startsAt", "It overlaps the window from " + other.startsAt
                        + (other.weekly ? " (weekly)" : "") + " to " + other.endsAt + ": change or cancel that one.");
            }
        }
        return window;
    }

    /** The occurrence that holds this instant, if any. */
    public Optional<Interval> occurrenceAt(Instant instant) {
        Interval latest = latestStartingBy(instant);
        return latest != null && latest.contains(instant) ? Optional.of(latest) : Optional.empty();
    }

    /** The occurrence that holds this instant or comes next, if any. */
    public Optional<Interval> currentOrNext(Instant instant) {
        Interval latest = latestStartingBy(instant);
        if (latest == null) {
            return Optional.of(first());
        }
        if (latest.contains(instant)) {
            return Optional.of(latest);
        }
        return weekly ? Optional.of(shifted(latest, 1)) : Optional.empty();
    }

    /** The latest occurrence that ended by this instant, if any. */
    public Optional<Interval> lastEndedBy(Instant instant) {
        Interval latest = latestStartingBy(instant);
        if (latest == null) {
            return Optional.empty();
        }
        if (!latest.end().isAfter(instant)) {
            return Optional.of(latest);
        }
        return weekly && latest.start().isAfter(startsAt) ? Optional.of(shifted(latest, -1)) : Optional.empty();
    }

    /** Whether any occurrence of the two windows from now on share a moment. */
    boolean overlaps(MaintenanceWindow other, Instant now) {
        // Both repeat with the same period (or not at all), so the occurrences within two weeks of the
        // later first start, or of now, show every overlap there will be.
        Instant from = max(max(startsAt, other.startsAt), now).minus(LONGEST).minus(WEEK);
        Instant to = from.plus(LONGEST.multipliedBy(2)).plus(WEEK.multipliedBy(2));
        for (Interval mine : occurrencesBetween(from, to)) {
            for (Interval theirs : other.occurrencesBetween(from, to)) {
                if (mine.overlaps(theirs) && mine.end().isAfter(now) && theirs.end().isAfter(now)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Interval> occurrencesBetween(Instant from, Instant to) {
        List<Interval> occurrences = new ArrayList<>();
        if (!weekly) {
            occurrences.add(first());
            return occurrences;
        }
        Interval occurrence = latestStartingBy(from);
        occurrence = occurrence == null ? first() : occurrence;
        while (occurrence.start().isBefore(to)) {
            occurrences.add(occurrence);
            occurrence = shifted(occurrence, 1);
        }
        return occurrences;
    }

    /** The last occurrence that started at or before the instant, or null before the first. */
    private Interval latestStartingBy(Instant instant) {
        if (instant.isBefore(startsAt)) {
            return null;
        }
        if (!weekly) {
            return first();
        }
        long weeks = Duration.between(startsAt, instant).toSeconds() / WEEK.toSeconds();
        return shifted(first(), weeks);
    }

    private Interval first() {
        return new Interval(startsAt, endsAt);
    }

    private static Interval shifted(Interval interval, long weeks) {
        return new Interval(interval.start().plus(WEEK.multipliedBy(weeks)), interval.end().plus(WEEK.multipliedBy(weeks)));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Whether the probe that ran now is the first after an occurrence ended and so owes the owner the
     * "maintenance overran" mail, which this marks as sent: once per occurrence.
     *
     * @param previousProbe when the mirror was probed before, if it was
     */
    public Optional<Interval> takeOverrun(Instant now, Optional<Instant> previousProbe) {
        Optional<Interval> ended = lastEndedBy(now);
        if (ended.isEmpty() || ended.get().end().equals(overrunNotifiedEnd)
                || previousProbe.map(probe -> !probe.isBefore(ended.get().end())).orElse(false)) {
            return Optional.empty();
        }
        overrunNotifiedEnd = ended.get().end();
        return ended;
    }

    public Long getId() {
        return id;
    }

    public DistributionMirror getDistributionMirror() {
        return distributionMirror;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public boolean isWeekly() {
        return weekly;
    }

    public String getNote() {
        return note;
    }

    public Person getCreatedBy() {
        return createdBy;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }
}
