package org.mirrorwatch.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.publishing.entity.PoolPublication;
import org.mirrorwatch.publishing.entity.PublicationKey;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/** The freshness windows of getURLsToCheckUpdateness, case by case, without a database. */
class FreshnessWindowsTest {

    private static final Instant WHEN = Instant.parse("2005-06-22T00:00:00Z");
    private static final PublicationKey KEY = new PublicationKey(PublicationKind.BINARY, 1,
            PackagePublishingPocket.RELEASE, 1);

    /** A publication in the table: an id, how long before WHEN it was published, and its checked path. */
    private record Row(Long id, PublicationKey key, PackagePublishingStatus status, Instant published, String path)
            implements PoolPublication {

        @Override
        public Long getId() {
            return id;
        }

        @Override
        public PackagePublishingStatus getStatus() {
            return status;
        }

        @Override
        public Optional<Instant> getDatePublished() {
            return Optional.ofNullable(published);
        }

        @Override
        public Optional<String> checkedPoolPath() {
            return Optional.ofNullable(path);
        }
    }

    private static Row published(long id, Duration ago, String path) {
        return new Row(id, KEY, PackagePublishingStatus.PUBLISHED, WHEN.minus(ago), path);
    }

    private static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    private static Map<MirrorStatus, String> map(Object... statusAndPath) {
        Map<MirrorStatus, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < statusAndPath.length; i += 2) {
            expected.put((MirrorStatus) statusAndPath[i], (String) statusAndPath[i + 1]);
        }
        return expected;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an empty history gives {}", List.of(), map()),
                Arguments.of("a window holding only a .udeb is empty, and so is the map",
                        List.of(published(1, hours(1), null)), map()),
                Arguments.of("a .udeb beside a .deb in one window: the .deb is taken even if older",
                        List.of(published(1, hours(0.2), "a.deb"), published(2, hours(0.1), null)),
                        map(MirrorStatus.UP, "a.deb")),
                Arguments.of("one publication per window, freshest first",
                        List.of(published(1, hours(100), "week.deb"), published(2, hours(30), "twodays.deb"),
                                published(3, hours(2), "twohours.deb")),
                        map(MirrorStatus.TWOHOURSBEHIND, "twohours.deb", MirrorStatus.TWODAYSBEHIND, "twodays.deb",
                                MirrorStatus.ONEWEEKBEHIND, "week.deb")),
                Arguments.of("the newest of a window wins, by date",
                        List.of(published(1, hours(3), "older.deb"), published(2, hours(4), "oldest.deb"),
                                published(3, hours(2.6), "newest.deb")),
                        map(MirrorStatus.SIXHOURSBEHIND, "newest.deb")),
                Arguments.of("a tie on the date goes to the higher id",
                        List.of(published(7, hours(3), "seven.deb"), published(9, hours(3), "nine.deb"),
                                published(8, hours(3), "eight.deb")),
                        map(MirrorStatus.SIXHOURSBEHIND, "nine.deb")),
                Arguments.of("SUPERSEDED publications are ignored",
                        List.of(published(1, hours(100), "old.deb"),
                                new Row(2L, KEY, PackagePublishingStatus.SUPERSEDED, WHEN.minus(hours(1)), "gone.deb")),
                        map(MirrorStatus.ONEWEEKBEHIND, "old.deb")),
                Arguments.of("PENDING, DELETED and OBSOLETE publications are ignored",
                        List.of(new Row(1L, KEY, PackagePublishingStatus.PENDING, WHEN.minus(hours(1)), "p.deb"),
                                new Row(2L, KEY, PackagePublishingStatus.DELETED, WHEN.minus(hours(1)), "d.deb"),
                                new Row(3L, KEY, PackagePublishingStatus.OBSOLETE, WHEN.minus(hours(1)), "o.deb")),
                        map()),
                Arguments.of("other pockets, components, targets and kinds are ignored",
                        List.of(published(1, hours(100), "mine.deb"),
                                new Row(2L, new PublicationKey(PublicationKind.BINARY, 1,
                                        PackagePublishingPocket.SECURITY, 1), PackagePublishingStatus.PUBLISHED,
                                        WHEN.minus(hours(1)), "security.deb"),
                                new Row(3L, new PublicationKey(PublicationKind.BINARY, 1,
                                        PackagePublishingPocket.RELEASE, 2), PackagePublishingStatus.PUBLISHED,
                                        WHEN.minus(hours(1)), "restricted.deb"),
                                new Row(4L, new PublicationKey(PublicationKind.BINARY, 2,
                                        PackagePublishingPocket.RELEASE, 1), PackagePublishingStatus.PUBLISHED,
                                        WHEN.minus(hours(1)), "amd64.deb"),
                                new Row(5L, new PublicationKey(PublicationKind.SOURCE, 1,
                                        PackagePublishingPocket.RELEASE, 1), PackagePublishingStatus.PUBLISHED,
                                        WHEN.minus(hours(1)), "source.dsc")),
                        map(MirrorStatus.ONEWEEKBEHIND, "mine.deb")),
                Arguments.of("publications after when are ignored",
                        List.of(new Row(1L, KEY, PackagePublishingStatus.PUBLISHED, WHEN.plusSeconds(1), "future.deb")),
                        map()),
                Arguments.of("all windows empty: UP with the newest publication at or before when",
                        List.of(published(1, hours(500), "older.deb"), published(2, hours(400), "newest.deb")),
                        map(MirrorStatus.UP, "newest.deb")),
                Arguments.of("all windows empty and only .udebs older: still {}",
                        List.of(published(1, hours(500), null)), map()),
                Arguments.of("a publication exactly at when is UP (the window is closed at when)",
                        List.of(published(1, Duration.ZERO, "now.deb")), map(MirrorStatus.UP, "now.deb")),
                Arguments.of("exactly 0.5 h before when is outside UP's open end: ONEHOURBEHIND",
                        List.of(published(1, hours(0.5), "edge.deb")), map(MirrorStatus.ONEHOURBEHIND, "edge.deb")),
                Arguments.of("one second fresher than 0.5 h is UP",
                        List.of(published(1, hours(0.5).minusSeconds(1), "edge.deb")),
                        map(MirrorStatus.UP, "edge.deb")),
                Arguments.of("exactly 24.5 h before when closes TWODAYSBEHIND's window",
                        List.of(published(1, hours(24.5), "edge.deb")), map(MirrorStatus.TWODAYSBEHIND, "edge.deb")),
                Arguments.of("exactly 6.5 h before when closes ONEDAYBEHIND's window",
                        List.of(published(1, hours(6.5), "edge.deb")), map(MirrorStatus.ONEDAYBEHIND, "edge.deb")),
                Arguments.of("one second fresher than 168.5 h is ONEWEEKBEHIND",
                        List.of(published(1, hours(168.5).minusSeconds(1), "edge.deb")),
                        map(MirrorStatus.ONEWEEKBEHIND, "edge.deb")),
                Arguments.of("exactly 168.5 h before when is outside every window: the UP fallback",
                        List.of(published(1, hours(168.5), "edge.deb")), map(MirrorStatus.UP, "edge.deb")),
                Arguments.of("a publication without a date is ignored",
                        List.of(new Row(1L, KEY, PackagePublishingStatus.PUBLISHED, null, "undated.deb")), map()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poolPathsToCheck(String description, List<PoolPublication> history, Map<MirrorStatus, String> expected) {
        Map<MirrorStatus, String> actual = FreshnessWindows.poolPathsToCheck(KEY, history, WHEN);

        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()), description);
    }

    @Test
    void windows_areHalfOpen_adjacent_andFollowLaunchpadsStatusTimes() {
        List<FreshnessWindow> windows = FreshnessWindows.at(WHEN);

        assertEquals(Arrays.asList(MirrorStatus.UP, MirrorStatus.ONEHOURBEHIND, MirrorStatus.TWOHOURSBEHIND,
                        MirrorStatus.SIXHOURSBEHIND, MirrorStatus.ONEDAYBEHIND, MirrorStatus.TWODAYSBEHIND,
                        MirrorStatus.ONEWEEKBEHIND),
                windows.stream().map(FreshnessWindow::status).toList());
        double[] thresholds = {0.5, 1.5, 2.5, 6.5, 24.5, 48.5, 168.5};
        Instant to = WHEN;
        for (int i = 0; i < windows.size(); i++) {
            assertEquals(to, windows.get(i).to());
            assertEquals(WHEN.minus(hours(thresholds[i])), windows.get(i).from());
            to = windows.get(i).from();
        }
    }

    @Test
    void newest_skipsUdebsAndOtherStatuses() {
        List<PoolPublication> history = List.of(published(1, hours(50), "deb.deb"), published(2, hours(10), null),
                new Row(3L, KEY, PackagePublishingStatus.SUPERSEDED, WHEN.minus(hours(5)), "superseded.deb"));

        assertEquals(Optional.of("deb.deb"),
                FreshnessWindows.newest(KEY, history, WHEN).flatMap(PoolPublication::checkedPoolPath));
    }
}
