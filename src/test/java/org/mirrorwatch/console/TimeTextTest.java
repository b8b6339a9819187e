package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTextTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:38:02.060159Z");

    private static String ago(Duration duration) {
        return TimeText.relative(NOW.minus(duration), NOW);
    }

    private static String ahead(Duration duration) {
        return TimeText.relative(NOW.plus(duration), NOW);
    }

    @Test
    void underFortyFiveSeconds_isJustNow_orInAMoment() {
        assertEquals("just now", ago(Duration.ZERO));
        assertEquals("just now", ago(Duration.ofSeconds(44)));
        assertEquals("in a moment", ahead(Duration.ofSeconds(10)));
        assertEquals("a minute ago", ago(Duration.ofSeconds(45)));
    }

    @Test
    void minutesHoursAndDays_roundToTheNearestWholeUnit() {
        assertEquals("12 minutes ago", ago(Duration.ofMinutes(12).plusSeconds(20)));
        assertEquals("45 minutes ago", ago(Duration.ofMinutes(44).plusSeconds(50)));
        assertEquals("an hour ago", ago(Duration.ofMinutes(45)));
        assertEquals("3 hours ago", ago(Duration.ofHours(3).plusMinutes(29)));
        assertEquals("a day ago", ago(Duration.ofHours(22)));
        assertEquals("in 3 days", ahead(Duration.ofDays(3).plusHours(2)));
    }

    @Test
    void aTokenMadeForThirtyDays_expiresInThirtyDays_evenASecondLater() {
        assertEquals("in 30 days", ahead(Duration.ofDays(30).minusSeconds(1)));
        assertEquals("in 3 months", ahead(Duration.ofDays(90)));
        assertEquals("in a year", ahead(Duration.ofDays(365)));
    }

    @Test
    void afterFortyFiveDays_monthsFollowDays_andYearsFollowElevenMonths() {
        assertEquals("45 days ago", ago(Duration.ofDays(45)));
        assertEquals("2 months ago", ago(Duration.ofDays(46)));
        assertEquals("11 months ago", ago(Duration.ofDays(324)));
        assertEquals("a year ago", ago(Duration.ofDays(340)));
        assertEquals("3 years ago", ago(Duration.ofDays(3 * 365 + 20)));
    }

    @Test
    void theExactTime_isReadableUtc_andTheDatetimeValue_isIsoToTheSecond() {
        assertEquals("30 Nov 2026, 01:38 UTC", TimeText.exact(NOW));
        assertEquals("2026-11-30T01:38:02Z", TimeText.datetime(NOW));
        assertEquals("2026-01-09T12:00:00Z", TimeText.datetime(Instant.parse("2026-01-09T12:00:00Z")));
    }

    @Test
    void aPagesTimes_followTheInjectedClock_andNoTimeGivesNothing() {
        Times times = new Times();
        times.clock = Clock.fixed(NOW, ZoneOffset.UTC);

        assertEquals("12 minutes ago", times.relative(NOW.minus(Duration.ofMinutes(12))));
        assertEquals("in 3 days", times.relative(NOW.plus(Duration.ofDays(3))));
        assertEquals("30 Nov 2026, 01:26 UTC", times.exact(NOW.minus(Duration.ofMinutes(12))));
        assertNull(times.relative(null));
        assertNull(times.datetime(null));
    }
}
