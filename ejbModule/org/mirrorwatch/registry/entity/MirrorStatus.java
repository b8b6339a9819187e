package org.mirrorwatch.registry.entity;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How far a mirror's content lags behind the primary archive. The constants are ordered from the
 * freshest to the stalest, and each known status owns the threshold Launchpad uses ({@code status_times}).
 */
public enum MirrorStatus {
    /** Up to date. */
    UP(0.5),
    /** One hour behind. */
    ONEHOURBEHIND(1.5),
    /** Two hours behind. */
    TWOHOURSBEHIND(2.5),
    /** Six hours behind. */
    SIXHOURSBEHIND(6.5),
    /** One day behind. */
    ONEDAYBEHIND(24.5),
    /** Two days behind. */
    TWODAYSBEHIND(48.5),
    /** One week behind. */
    ONEWEEKBEHIND(168.5),
    /** Not known: not probed yet, or no checked file answered. */
    UNKNOWN(Double.NaN);

    private final double thresholdHours;

    MirrorStatus(double thresholdHours) {
        this.thresholdHours = thresholdHours;
    }

    /** The known statuses, freshest first: the windows of {@code getURLsToCheckUpdateness}. */
    public static List<MirrorStatus> known() {
        return Arrays.stream(values()).filter(s -> s != UNKNOWN).toList();
    }

    /** How long ago the newest synced upload may be for this status. Not defined for UNKNOWN. */
    public Duration threshold() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("UNKNOWN has no threshold");
        }
        return Duration.ofSeconds(Math.round(thresholdHours * 3600));
    }

    /** The status in words, as pages show it: "Up to date", "Six hours behind", "Unknown". */
    public String title() {
        return switch (this) {
            case UP -> "Up to date";
            case ONEHOURBEHIND -> "One hour behind";
            case TWOHOURSBEHIND -> "Two hours behind";
            case SIXHOURSBEHIND -> "Six hours behind";
            case ONEDAYBEHIND -> "One day behind";
            case TWODAYSBEHIND -> "Two days behind";
            case ONEWEEKBEHIND -> "One week behind";
            case UNKNOWN -> "Unknown";
        };
    }

    /** True when this status is staler than {@code other}. */
    public boolean isStalerThan(MirrorStatus other) {
        return compareTo(other) > 0;
    }
}
