package org.mirrorwatch.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.entity.MaintenanceWindow.Interval;

/** A maintenance window's rules: how long, when it holds, when it repeats, what it may not overlap. */
class MaintenanceWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final TestWorld world = new TestWorld();
    private final DistributionMirror mirror = world.mirror("archive-mirror", MirrorContent.ARCHIVE);

    private MaintenanceWindow window(String start, String end, boolean weekly, MaintenanceWindow... others) {
        return MaintenanceWindow.schedule(mirror, Instant.parse(start), Instant.parse(end), weekly, "disk swap",
                world.fooBar, NOW, List.of(others));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aOneOffWindow_holdsFromItsStartUntilItsEnd() {
        MaintenanceWindow window = window("2026-12-01T22:00:00Z", "2026-12-02T02:00:00Z", false);
        assertTrue(window.occurrenceAt(at("2026-12-01T21:59:59Z")).isEmpty());
        assertTrue(window.occurrenceAt(at("2026-12-01T22:00:00Z")).isPresent());
        assertTrue(window.occurrenceAt(at("2026-12-02T01:59:59Z")).isPresent());
        assertTrue(window.occurrenceAt(at("2026-12-02T02:00:00Z")).isEmpty(), "the end is excluded");
        assertTrue(window.occurrenceAt(at("2026-12-08T23:00:00Z")).isEmpty(), "it does not repeat");
        assertEquals(Optional.of(new Interval(at("2026-12-01T22:00:00Z"), at("2026-12-02T02:00:00Z"))),
                window.currentOrNext(NOW));
        assertTrue(window.currentOrNext(at("2026-12-02T02:00:00Z")).isEmpty(), "over");
    }

    @Test
    void aWeeklyWindow_repeatsEverySevenDaysFromItsFirstStart() {
        MaintenanceWindow window = window("2026-12-01T22:00:00Z", "2026-12-02T02:00:00Z", true);
        assertTrue(window.occurrenceAt(at("2026-12-08T23:00:00Z")).isPresent());
        assertTrue(window.occurrenceAt(at("2027-03-03T01:00:00Z")).isPresent(), "13 weeks on");
        assertTrue(window.occurrenceAt(at("2026-12-05T23:00:00Z")).isEmpty());
        assertTrue(window.occurrenceAt(at("2026-11-24T23:00:00Z")).isEmpty(), "not before its first start");
        assertEquals(Optional.of(new Interval(at("2026-12-08T22:00:00Z"), at("2026-12-09T02:00:00Z"))),
                window.currentOrNext(at("2026-12-03T00:00:00Z")));
        assertEquals(Optional.of(new Interval(at("2026-12-01T22:00:00Z"), at("2026-12-02T02:00:00Z"))),
                window.lastEndedBy(at("2026-12-08T23:00:00Z")), "the one before the one in progress");
        assertTrue(window.lastEndedBy(at("2026-12-01T23:00:00Z")).isEmpty(), "the first has not ended");
    }

    @ParameterizedTest(name = "{0} to {1}, weekly {2}: {3}")
    @CsvSource({
        "2026-12-01T22:00:00Z, 2026-12-01T22:00:00Z, false, endsAt, The end must come after the start.",
        "2026-12-02T22:00:00Z, 2026-12-01T22:00:00Z, false, endsAt, The end must come after the start.",
        "2026-12-01T00:00:00Z, 2026-12-15T00:00:01Z, false, endsAt, A maintenance window lasts at most 14 days.",
        "2026-12-01T00:00:00Z, 2026-12-08T00:00:00Z, true, endsAt, A weekly window must be shorter than a week.",
        "2026-11-29T00:00:00Z, 2026-11-30T12:00:00Z, false, endsAt, The window is over already.",
        "2027-12-02T00:00:00Z, 2027-12-03T00:00:00Z, false, startsAt, A window may start at most a year ahead.",
    })
    void windowsAgainstTheRules_areRefusedWithTheFieldAndWhy(String start, String end, boolean weekly, String field,
            String message) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> window(start, end, weekly));
        assertEquals(List.of(new FieldError(field, message)), refused.getErrors());
    }

    @Test
    void aWindowOfExactlyFourteenDays_andAWeeklyOneJustUnderAWeek_areAllowed() {
        window("2026-12-01T00:00:00Z", "2026-12-15T00:00:00Z", false);
        window("2026-12-01T00:00:00Z", "2026-12-07T23:59:59Z", true);
    }

    @Test
    void aWindowNeedsANote_ofAtMost500Characters() {
        for (String note : new String[] {null, "  ", "x".repeat(501)}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> MaintenanceWindow.schedule(
                    mirror, at("2026-12-01T22:00:00Z"), at("2026-12-02T02:00:00Z"), false, note, world.fooBar, NOW,
                    List.of()));
            assertEquals("note", refused.getErrors().get(0).field());
        }
        assertEquals("x".repeat(500), MaintenanceWindow.schedule(mirror, at("2026-12-01T22:00:00Z"),
                at("2026-12-02T02:00:00Z"), false, " " + "x".repeat(500) + " ", world.fooBar, NOW, List.of()).getNote());
    }

    @Test
    void overlappingWindows_areRefused_andTouchingOnesAreNot() {
        MaintenanceWindow tuesdayNights = window("2026-12-01T22:00:00Z", "2026-12-02T02:00:00Z", true);
        assertOverlapRefused(() -> window("2026-12-16T01:00:00Z", "2026-12-16T03:00:00Z", false, tuesdayNights));
        assertOverlapRefused(() -> window("2027-02-10T00:00:00Z", "2027-02-10T01:00:00Z", true, tuesdayNights));
        assertOverlapRefused(() -> window("2026-12-04T00:00:00Z", "2026-12-17T00:00:00Z", false, tuesdayNights));
        window("2026-12-02T02:00:00Z", "2026-12-02T04:00:00Z", true, tuesdayNights);
        window("2026-12-03T22:00:00Z", "2026-12-04T02:00:00Z", false, tuesdayNights);

        MaintenanceWindow once = window("2026-12-20T00:00:00Z", "2026-12-21T00:00:00Z", false);
        assertOverlapRefused(() -> window("2026-12-20T12:00:00Z", "2026-12-22T00:00:00Z", false, once));
        window("2026-12-21T00:00:00Z", "2026-12-22T00:00:00Z", false, once);
    }

    @Test
    void aWeeklyWindowThatBeganLongAgo_overlapsANewOneOnItsDay() {
        MaintenanceWindow old = MaintenanceWindow.schedule(mirror, at("2025-01-07T22:00:00Z"),
                at("2025-01-08T02:00:00Z"), true, "weekly sync", world.fooBar, at("2025-01-01T00:00:00Z"), List.of());
        assertOverlapRefused(() -> window("2026-12-01T23:00:00Z", "2026-12-02T00:00:00Z", false, old));
    }

    private static void assertOverlapRefused(Runnable schedule) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, schedule::run);
        assertEquals("startsAt", refused.getErrors().get(0).field());
        assertTrue(refused.getErrors().get(0).message().startsWith("It overlaps the window from"),
                refused.getErrors().get(0).message());
    }

    @Test
    void theOverrunMail_isOwedOnce_byTheFirstProbeAfterTheEnd() {
        MaintenanceWindow window = window("2026-12-01T22:00:00Z", "2026-12-02T02:00:00Z", false);
        Instant during = at("2026-12-02T01:00:00Z");
        Instant after = at("2026-12-02T03:00:00Z");
        assertTrue(window.takeOverrun(during, Optional.of(at("2026-12-02T00:00:00Z"))).isEmpty(), "not over yet");
        assertEquals(at("2026-12-02T02:00:00Z"), window.takeOverrun(after, Optional.of(during)).orElseThrow().end());
        assertTrue(window.takeOverrun(after.plus(Duration.ofHours(1)), Optional.of(during)).isEmpty(), "once");
    }

    @Test
    void noOverrunMail_whenTheMirrorWasProbedAfterTheEndAlready() {
        MaintenanceWindow window = window("2026-12-01T22:00:00Z", "2026-12-02T02:00:00Z", true);
        assertTrue(window.takeOverrun(at("2026-12-02T05:00:00Z"), Optional.of(at("2026-12-02T03:00:00Z"))).isEmpty());
        assertFalse(window.takeOverrun(at("2026-12-09T03:00:00Z"), Optional.of(at("2026-12-09T01:00:00Z"))).isEmpty(),
                "the next week's occurrence owes its own");
    }
}
