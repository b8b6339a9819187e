package org.mirrorwatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.console.FreshnessChart.Bar;
import org.mirrorwatch.console.FreshnessChart.TimeTick;
import org.mirrorwatch.console.FreshnessChart.ValueTick;
import org.mirrorwatch.registry.boundary.FreshnessSnapshot;
import org.mirrorwatch.registry.entity.MirrorStatus;

class FreshnessChartTest {

    /** The two probes of alice-mirror in api-world.sql. */
    private static final List<FreshnessSnapshot> TWO_PROBES = List.of(
            snapshot("2026-01-09T12:00:00Z", MirrorStatus.UP, Map.of(MirrorStatus.UP, 3)),
            snapshot("2026-01-10T12:00:00Z", MirrorStatus.TWOHOURSBEHIND,
                    Map.of(MirrorStatus.UP, 2, MirrorStatus.TWOHOURSBEHIND, 1)));

    private static FreshnessSnapshot snapshot(String when, MirrorStatus overall, Map<MirrorStatus, Integer> counts) {
        Map<MirrorStatus, Integer> all = new EnumMap<>(MirrorStatus.class);
        for (MirrorStatus status : MirrorStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0));
        }
        return new FreshnessSnapshot(Instant.parse(when), overall, all);
    }

    private static double percent(String value) {
        return Double.parseDouble(value.substring(0, value.length() - 1));
    }

    @Test
    void aMirrorsProbes_standAtTheirTimes_withATooltipEach() {
        FreshnessChart chart = FreshnessChart.ofSnapshots(TWO_PROBES, 30);

        List<Bar> bars = chart.bars();
        assertEquals(2, bars.size());
        assertEquals("9 Jan 2026, 12:00 UTC — Up to date overall; of 3 content records: 3 up to date",
                bars.get(0).title());
        assertEquals("10 Jan 2026, 12:00 UTC — Two hours behind overall; of 3 content records: 2 up to date,"
                + " 1 behind by hours", bars.get(1).title());
        double first = percent(bars.get(0).x());
        double second = percent(bars.get(1).x());
        assertTrue(0 < first && first < second && second + percent(bars.get(1).width()) < 100, bars.toString());
        assertEquals(List.of("band-up", "band-hours"), bars.get(1).segments().stream().map(s -> s.css()).toList());
        double stacked = bars.get(1).segments().stream().mapToDouble(s -> Double.parseDouble(s.height())).sum();
        assertEquals(FreshnessChart.PLOT_HEIGHT, stacked, 0.2, "the tallest bar reaches the top of the scale");
    }

    @Test
    void theValueAxis_countsInSteps_ofOneTwoOrFiveTimesAPowerOfTen() {
        FreshnessChart chart = FreshnessChart.ofSnapshots(TWO_PROBES, 30);
        List<ValueTick> ticks = chart.valueTicks();
        assertEquals(List.of("0", "1", "2", "3"), ticks.stream().map(ValueTick::label).toList());
        assertEquals(String.valueOf((double) FreshnessChart.PLOT_BOTTOM), ticks.get(0).y());
        assertEquals(String.valueOf((double) FreshnessChart.PLOT_TOP), ticks.get(3).y());

        assertEquals(1, FreshnessChart.valueStep(0));
        assertEquals(1, FreshnessChart.valueStep(4));
        assertEquals(2, FreshnessChart.valueStep(5));
        assertEquals(5, FreshnessChart.valueStep(9));
        assertEquals(50, FreshnessChart.valueStep(200));
        assertEquals(5000, FreshnessChart.valueStep(10_000));
    }

    @Test
    void theTimeAxis_ticksAtRoundTimes_andDatesTheFirstTickAndEachNewDay() {
        FreshnessChart chart = FreshnessChart.ofSnapshots(TWO_PROBES, 30);

        List<TimeTick> wide = chart.wideTicks();
        assertEquals(List.of("12:00", "18:00", "00:00", "06:00", "12:00"), wide.stream().map(TimeTick::label).toList());
        assertEquals(List.of("9 Jan", "", "10 Jan", "", ""), wide.stream().map(TimeTick::context).toList());
        // The axis runs from 09:12 on 9 Jan to 14:48 on 10 Jan: midnight is in the middle.
        assertEquals("50.00%", wide.get(2).x());
        List<TimeTick> narrow = chart.narrowTicks();
        assertEquals(List.of("12:00", "00:00", "12:00"), narrow.stream().map(TimeTick::label).toList());
        assertEquals(List.of("9 Jan", "10 Jan", ""), narrow.stream().map(TimeTick::context).toList());
    }

    @Test
    void longSpans_tickInDaysMonthsOrYears_andNameTheYearWhereItChanges() {
        List<TimeTick> months = FreshnessChart.timeTicks(Instant.parse("2026-10-20T00:00:00Z"),
                Instant.parse("2027-03-10T00:00:00Z"), 8);
        assertEquals(List.of("Nov", "Dec", "Jan", "Feb", "Mar"), months.stream().map(TimeTick::label).toList());
        assertEquals(List.of("2026", "", "2027", "", ""), months.stream().map(TimeTick::context).toList());

        List<TimeTick> years = FreshnessChart.timeTicks(Instant.parse("2000-06-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), 8);
        assertEquals(List.of("2005", "2010", "2015", "2020", "2025"), years.stream().map(TimeTick::label).toList());
    }

    @Test
    void aMirrorsSummary_saysHowManyProbes_overWhichTime_andWhatTheNewestFound() {
        assertEquals("2 probes, from 9 Jan 2026, 12:00 UTC to 10 Jan 2026, 12:00 UTC. Overall up to date once,"
                + " two hours behind once. The newest found, of 3 content records: 2 up to date, 1 behind by hours.",
                FreshnessChart.ofSnapshots(TWO_PROBES, 30).summary());
    }

    @Test
    void oneProbe_isASingleRow_thatThePageSaysInWords() {
        FreshnessChart chart = FreshnessChart.ofSnapshots(TWO_PROBES.subList(0, 1), 30);

        assertTrue(chart.single());
        assertEquals("up to date", chart.rows().get(0).overallInSentence());
        assertEquals("3 up to date", chart.rows().get(0).breakdown());
        assertEquals("1 content record", chart.counted(1));
        assertEquals("3 content records", chart.counted(3));
        assertFalse(FreshnessChart.ofSnapshots(TWO_PROBES, 30).single());
        assertTrue(FreshnessChart.ofSnapshots(List.of(), 30).rows().isEmpty());
    }

    @Test
    void theNewestProbesAreShown_whenThereAreMoreThanTheChartHolds() {
        FreshnessChart chart = FreshnessChart.ofSnapshots(TWO_PROBES, 1);
        assertEquals(List.of("10 Jan 2026, 12:00 UTC"), chart.rows().stream().map(r -> r.when()).toList());
    }

    @Test
    void theOverview_putsEachDayInItsPlaceOnA31DayAxis_tickedOnMondays() {
        LocalDate first = LocalDate.parse("2026-10-31");
        LocalDate last = LocalDate.parse("2026-11-30");
        TreeMap<LocalDate, Map<MirrorStatus, Integer>> days = new TreeMap<>();
        days.put(LocalDate.parse("2026-10-30"), Map.of(MirrorStatus.UP, 1));
        days.put(LocalDate.parse("2026-11-15"), Map.of(MirrorStatus.ONEWEEKBEHIND, 1));
        days.put(last, Map.of(MirrorStatus.UP, 8, MirrorStatus.ONEHOURBEHIND, 2, MirrorStatus.UNKNOWN, 1));

        FreshnessChart chart = FreshnessChart.ofDays(days, first, last);

        assertEquals(List.of("15 Nov 2026", "30 Nov 2026"), chart.rows().stream().map(r -> r.when()).toList(),
                "a day before the first is left out");
        assertEquals("2026-11-15", chart.rows().get(0).datetime());
        assertEquals("15 Nov 2026; of 1 mirror: 1 behind by days", chart.bars().get(0).title());
        // 15 Nov is the 16th of 31 days: its centre is half-way.
        Bar middle = chart.bars().get(0);
        assertEquals(50.0, percent(middle.x()) + percent(middle.width()) / 2, 0.01);
        assertEquals("Mirrors probed on 2 days from 31 Oct 2026 to 30 Nov 2026. On 30 Nov 2026, of 11 mirrors:"
                + " 8 up to date, 2 behind by hours, 1 unknown.", chart.summary());

        DateTimeFormatter tick = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        for (List<TimeTick> ticks : List.of(chart.wideTicks(), chart.narrowTicks())) {
            assertTrue(ticks.size() >= 2 && ticks.size() <= FreshnessChart.WIDE_TICKS, ticks.toString());
            for (TimeTick t : ticks) {
                LocalDate day = MonthDay.parse(t.label(), tick).atYear(2026);
                assertEquals(DayOfWeek.MONDAY, day.getDayOfWeek(), t.toString());
            }
        }
        assertEquals(List.of("2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"),
                chart.wideTicks().stream().map(TimeTick::label).toList());
        assertTrue(chart.narrowTicks().size() <= FreshnessChart.NARROW_TICKS);
    }
}
