package org.mirrorwatch.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the console words a moment: relative to now for reading ("12 minutes ago", "in 3 days"), exact in UTC
 * for the tooltip and for charts ("30 Nov 2026, 01:38 UTC"), and as the machine-readable value of a
 * {@code <time datetime>}. The API keeps ISO instants; only pages use this.
 */
public final class TimeText {

    static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final double MONTH_DAYS = 365.25 / 12;

    private TimeText() {
    }

    /**
     * {@code then} in words, seen from {@code now}, rounded to the nearest unit as people round when they
     * speak: under 45 seconds is "just now", then minutes up to 45, hours up to 22, days up to 45 (so a
     * token made for 30 days expires "in 30 days"), then months from 2 to 11, then years.
     */
    public static String relative(Instant then, Instant now) {
        long seconds = Duration.between(then, now).getSeconds();
        boolean past = seconds >= 0;
        long size = Math.abs(seconds);
        if (size < 45) {
            return past ? "just now" : "in a moment";
        }
        String amount;
        if (size < 45 * MINUTE) {
            amount = count(Math.round((double) size / MINUTE), "minute", "a minute");
        } else if (size < 22 * HOUR) {
            amount = count(Math.round((double) size / HOUR), "hour", "an hour");
        } else if (size < 45 * DAY + DAY / 2) {
            amount = count(Math.round((double) size / DAY), "day", "a day");
        } else if (size < Math.round(11 * MONTH_DAYS) * DAY) {
            amount = count(Math.max(2, Math.round(size / (MONTH_DAYS * DAY))), "month", "a month");
        } else {
            amount = count(Math.max(1, Math.round(size / (365.25 * DAY))), "year", "a year");
        }
        return past ? amount + " ago" : "in " + amount;
    }

    /** "30 Nov 2026, 01:38 UTC": the exact minute, readable, in UTC since the server knows no reader's zone. */
    public static String exact(Instant instant) {
        return EXACT.format(instant);
    }

    /**
     * The instant as a {@code datetime} attribute takes it: ISO-8601 in UTC, to the second, since HTML
     * allows at most three fraction digits and the database keeps six.
     */
    public static String datetime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String count(long amount, String unit, String one) {
        return amount == 1 ? one : amount + " " + unit + "s";
    }
}
