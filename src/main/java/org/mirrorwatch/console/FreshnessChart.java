package org.mirrorwatch.console;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.mirrorwatch.registry.boundary.FreshnessSnapshot;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * A stacked bar chart of freshness over time, drawn as SVG by the page: a mirror's probes (one bar each, at
 * its time) or every mirror's days (one bar a day). Bars stand on a time axis with dated ticks, against a
 * value axis with a scale; each bar has a tooltip, and the chart has a summary in words and a table of its
 * figures, so no script is needed to read it.
 *
 * <p>Positions across the chart are percentages of its width and heights are pixels, so the chart fills a
 * phone or a desktop without stretching its text. A phone gets fewer time ticks than a desktop: the page
 * draws both sets and the stylesheet shows one.
 */
public final class FreshnessChart {

    static final int PLOT_TOP = 24;
    static final int PLOT_HEIGHT = 160;
    static final int PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT;
    /** Two lines of tick labels under the plot: the time, and the date when it changes. */
    static final int HEIGHT = PLOT_BOTTOM + 40;
    static final int WIDE_TICKS = 8;
    static final int NARROW_TICKS = 4;
    /** The most value ticks above zero. */
    private static final int VALUE_INTERVALS = 4;
    /** A bar is never thinner than this, in percent of the width, so it stays visible and can be pointed at. */
    private static final double THINNEST_BAR = 0.8;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TICK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TICK_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TICK_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TICK_YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ENGLISH);

    /** The four bands of a bar, as the legend names and colours them. */
    public enum Band {
        UP("up to date"), HOURS("behind by hours"), DAYS("behind by days"), UNKNOWN("unknown");

        private final String words;

        Band(String words) {
            this.words = words;
        }

        static Band of(MirrorStatus status) {
            return switch (status) {
                case UP -> UP;
                case ONEHOURBEHIND, TWOHOURSBEHIND, SIXHOURSBEHIND -> HOURS;
                case ONEDAYBEHIND, TWODAYSBEHIND, ONEWEEKBEHIND -> DAYS;
                case UNKNOWN -> UNKNOWN;
            };
        }

        /** The stylesheet's class for the band's colour. */
        public String css() {
            return "band-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One bar's data: the moment at its centre, its name and datetime value, its overall freshness (none for
     * a day of all mirrors), and how many were in each status.
     */
    record Column(Instant at, String when, String datetime, MirrorStatus overall, Map<MirrorStatus, Integer> counts) {

        Map<Band, Integer> bands() {
            Map<Band, Integer> bands = new EnumMap<>(Band.class);
            for (Band band : Band.values()) {
                bands.put(band, 0);
            }
            counts.forEach((status, count) -> bands.merge(Band.of(status), count, Integer::sum));
            return bands;
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        Row row() {
            Map<Band, Integer> bands = bands();
            return new Row(when, datetime, overall == null ? "" : overall.title(), bands.get(Band.UP),
                    bands.get(Band.HOURS), bands.get(Band.DAYS), bands.get(Band.UNKNOWN), total());
        }
    }

    /** One coloured piece of a bar, in pixels from the top. */
    public record Segment(String y, String height, String css) {
    }

    /** One bar: where it stands, in percent of the width, its tooltip and its pieces, bottom first. */
    public record Bar(String x, String width, String title, List<Segment> segments) {
    }

    /** A line of the value scale: its height in pixels and its figure. */
    public record ValueTick(String y, String label) {
    }

    /** A tick of the time axis: where (percent), its text's anchor, its time and, where it changes, its date. */
    public record TimeTick(String x, String anchor, String label, String context) {
    }

    /** One bar's figures, for the table that gives them in words; {@code overall} is empty for a day. */
    public record Row(String when, String datetime, String overall, int up, int hoursBehind, int daysBehind,
            int unknown, int total) {

        /** The overall freshness as a sentence goes on: "up to date", "one week behind". */
        public String overallInSentence() {
            return overall.toLowerCase(Locale.ROOT);
        }

        /** The bands that have any, in words: "180 up to date, 20 behind by hours"; "none" when all are empty. */
        public String breakdown() {
            List<String> words = new ArrayList<>();
            int[] counts = {up, hoursBehind, daysBehind, unknown};
            for (Band band : Band.values()) {
                if (counts[band.ordinal()] > 0) {
                    words.add(counts[band.ordinal()] + " " + band.words);
                }
            }
            return words.isEmpty() ? "none" : String.join(", ", words);
        }
    }

    /** What a bar counts, in the singular: "content record" or "mirror". */
    private final String unit;
    private final List<Row> rows = new ArrayList<>();
    private final List<Bar> bars = new ArrayList<>();
    private final List<ValueTick> valueTicks = new ArrayList<>();
    private final List<TimeTick> wideTicks;
    private final List<TimeTick> narrowTicks;
    private final String summary;

    /**
     * The chart of a mirror's newest {@code most} snapshots, oldest left: one bar per probe at its time, its
     * content records by status.
     */
    public static FreshnessChart ofSnapshots(List<FreshnessSnapshot> snapshots, int most) {
        List<Column> columns = snapshots.subList(Math.max(0, snapshots.size() - most), snapshots.size()).stream()
                .map(s -> new Column(s.dateCreated(), TimeText.exact(s.dateCreated()), TimeText.datetime(s.dateCreated()),
                        s.overall(), s.counts()))
                .toList();
        if (columns.isEmpty()) {
            return new FreshnessChart("content record", columns, Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                    Duration.ZERO, "Not probed yet.");
        }
        Instant first = columns.get(0).at();
        Instant last = columns.get(columns.size() - 1).at();
        Duration span = Duration.between(first, last);
        // Probes at one moment still get a readable axis: an hour around them.
        Duration shown = span.isZero() ? Duration.ofHours(1) : span;
        // Bars as wide as most probes are apart allows, but no wider than a sixth of the chart.
        Duration bar = min(medianGap(columns).multipliedBy(6).dividedBy(10), shown.dividedBy(6));
        Duration margin = bar.dividedBy(2).plus(shown.dividedBy(30));
        Instant middle = first.plus(span.dividedBy(2));
        Instant from = middle.minus(shown.dividedBy(2)).minus(margin);
        Instant to = middle.plus(shown.dividedBy(2)).plus(margin);
        return new FreshnessChart("content record", columns, from, to, bar, probesSummary(columns));
    }

    /**
     * The chart of every mirror's freshness per day, from {@code first} to {@code last} (UTC days): one bar a
     * day with probes, each mirror counted once.
     */
    public static FreshnessChart ofDays(SortedMap<LocalDate, Map<MirrorStatus, Integer>> days, LocalDate first,
            LocalDate last) {
        List<Column> columns = days.entrySet().stream()
                .filter(day -> !day.getKey().isBefore(first) && !day.getKey().isAfter(last))
                .map(day -> new Column(startOf(day.getKey()).plus(Duration.ofHours(12)), DAY.format(day.getKey()),
                        day.getKey().toString(), null, day.getValue()))
                .toList();
        return new FreshnessChart("mirror", columns, startOf(first), startOf(last.plusDays(1)),
                Duration.ofHours(17), daysSummary(columns, first, last));
    }

    private FreshnessChart(String unit, List<Column> columns, Instant from, Instant to, Duration barWidth,
            String summary) {
        this.unit = unit;
        this.summary = summary;
        int most = columns.stream().mapToInt(Column::total).max().orElse(0);
        int step = valueStep(most);
        int top = Math.max(step, (most + step - 1) / step * step);
        for (int value = 0; value <= top; value += step) {
            valueTicks.add(new ValueTick(pixels(PLOT_BOTTOM - (double) PLOT_HEIGHT * value / top),
                    String.format(Locale.ENGLISH, "%,d", value)));
        }
        double domain = Duration.between(from, to).toMillis();
        double width = Math.max(THINNEST_BAR, 100 * barWidth.toMillis() / domain);
        for (Column column : columns) {
            Map<Band, Integer> bands = column.bands();
            List<Segment> segments = new ArrayList<>();
            double bottom = PLOT_BOTTOM;
            for (Band band : Band.values()) {
                int count = bands.get(band);
                if (count > 0) {
                    double height = (double) PLOT_HEIGHT * count / top;
                    bottom -= height;
                    segments.add(new Segment(pixels(bottom), pixels(height), band.css()));
                }
            }
            Row row = column.row();
            rows.add(row);
            double centre = 100 * Duration.between(from, column.at()).toMillis() / domain;
            bars.add(new Bar(percent(centre - width / 2), percent(width), title(row), segments));
        }
        wideTicks = timeTicks(from, to, WIDE_TICKS);
        narrowTicks = timeTicks(from, to, NARROW_TICKS);
    }

    /** "9 Jan 2026, 12:00 UTC — Up to date overall; of 3 content records: 3 up to date". */
    private String title(Row row) {
        return row.when() + (row.overall().isEmpty() ? "" : " — " + row.overall() + " overall")
                + "; of " + counted(row.total()) + ": " + row.breakdown();
    }

    private static String probesSummary(List<Column> columns) {
        Map<MirrorStatus, Integer> overall = new EnumMap<>(MirrorStatus.class);
        columns.forEach(column -> overall.merge(column.overall(), 1, Integer::sum));
        Column newest = columns.get(columns.size() - 1);
        return columns.size() + " probes, from " + columns.get(0).when() + " to " + newest.when() + ". Overall "
                + overall.entrySet().stream().map(e -> e.getKey().title().toLowerCase(Locale.ROOT) + " "
                        + times(e.getValue())).collect(Collectors.joining(", "))
                + ". The newest found, of " + counted("content record", newest.total()) + ": " + newest.row().breakdown()
                + ".";
    }

    private static String daysSummary(List<Column> columns, LocalDate first, LocalDate last) {
        String period = "from " + DAY.format(first) + " to " + DAY.format(last);
        if (columns.isEmpty()) {
            return "No probe " + period + ".";
        }
        Column newest = columns.get(columns.size() - 1);
        return "Mirrors probed on " + columns.size() + (columns.size() == 1 ? " day " : " days ") + period
                + ". On " + newest.when() + ", of " + counted("mirror", newest.total()) + ": " + newest.row().breakdown()
                + ".";
    }

    private static String counted(String unit, int count) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static String times(int count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }

    /** A step of 1, 2 or 5 times a power of ten that covers {@code most} in at most four intervals. */
    static int valueStep(int most) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int multiple : new int[] {1, 2, 5}) {
                int step = multiple * magnitude;
                if ((most + step - 1) / step <= VALUE_INTERVALS) {
                    return step;
                }
            }
        }
    }

    /** A spacing of the time axis's ticks; a tick falls on a whole multiple of it, in UTC. */
    private record TickStep(ChronoUnit unit, int amount) {

        /** The finest first: minutes, hours, days, weeks (from Monday), months and years. */
        static final List<TickStep> ALL = List.of(new TickStep(ChronoUnit.MINUTES, 1), new TickStep(ChronoUnit.MINUTES, 2),
                new TickStep(ChronoUnit.MINUTES, 5), new TickStep(ChronoUnit.MINUTES, 10),
                new TickStep(ChronoUnit.MINUTES, 15), new TickStep(ChronoUnit.MINUTES, 30),
                new TickStep(ChronoUnit.HOURS, 1), new TickStep(ChronoUnit.HOURS, 2), new TickStep(ChronoUnit.HOURS, 3),
                new TickStep(ChronoUnit.HOURS, 6), new TickStep(ChronoUnit.HOURS, 12), new TickStep(ChronoUnit.DAYS, 1),
                new TickStep(ChronoUnit.DAYS, 2), new TickStep(ChronoUnit.WEEKS, 1), new TickStep(ChronoUnit.WEEKS, 2),
                new TickStep(ChronoUnit.MONTHS, 1), new TickStep(ChronoUnit.MONTHS, 2), new TickStep(ChronoUnit.MONTHS, 3),
                new TickStep(ChronoUnit.MONTHS, 6), new TickStep(ChronoUnit.YEARS, 1), new TickStep(ChronoUnit.YEARS, 2),
                new TickStep(ChronoUnit.YEARS, 5), new TickStep(ChronoUnit.YEARS, 10), new TickStep(ChronoUnit.YEARS, 100));

        Duration roughly() {
            return unit.getDuration().multipliedBy(amount);
        }

        /** The ticks from {@code from} to {@code to}; more than {@code most} only if there are. */
        List<ZonedDateTime> between(Instant from, Instant to, int most) {
            List<ZonedDateTime> ticks = new ArrayList<>();
            for (ZonedDateTime tick = first(from); !tick.toInstant().isAfter(to) && ticks.size() <= most;
                    tick = tick.plus(amount, unit)) {
                ticks.add(tick);
            }
            return ticks;
        }

        private ZonedDateTime first(Instant from) {
            ZonedDateTime start = from.atZone(ZoneOffset.UTC);
            return switch (unit) {
                case MINUTES, HOURS -> {
                    long size = roughly().getSeconds();
                    long seconds = Math.floorDiv(from.getEpochSecond() + size - 1, size) * size;
                    yield Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
                }
                case DAYS -> {
                    ZonedDateTime day = ceiling(start, start.truncatedTo(ChronoUnit.DAYS), 1, ChronoUnit.DAYS);
                    yield day.plusDays(Math.floorMod(-day.toLocalDate().toEpochDay(), amount));
                }
                case WEEKS -> {
                    ZonedDateTime monday = start.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    monday = ceiling(start, monday, 1, ChronoUnit.WEEKS);
                    long week = Math.floorDiv(monday.toLocalDate().toEpochDay() - 4, 7);
                    yield monday.plusWeeks(Math.floorMod(-week, amount));
                }
                case MONTHS -> {
                    ZonedDateTime month = ceiling(start, start.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1), 1,
                            ChronoUnit.MONTHS);
                    yield month.plusMonths(Math.floorMod(-(month.getYear() * 12L + month.getMonthValue() - 1), amount));
                }
                default -> {
                    ZonedDateTime year = ceiling(start, start.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1), 1,
                            ChronoUnit.YEARS);
                    yield year.plusYears(Math.floorMod(-year.getYear(), amount));
                }
            };
        }

        private static ZonedDateTime ceiling(ZonedDateTime start, ZonedDateTime floor, int amount, ChronoUnit unit) {
            return floor.isBefore(start) ? floor.plus(amount, unit) : floor;
        }

        /** The tick's text: its time, or day, or month, or year, whichever this step counts in. */
        String label(ZonedDateTime tick) {
            return switch (unit) {
                case MINUTES, HOURS -> TICK_TIME.format(tick);
                case DAYS, WEEKS -> TICK_DAY.format(tick);
                case MONTHS -> TICK_MONTH.format(tick);
                default -> TICK_YEAR.format(tick);
            };
        }

        /** The larger unit under a tick's text, given on the first tick and wherever it changes. */
        String context(ZonedDateTime tick, ZonedDateTime previous) {
            return switch (unit) {
                case MINUTES, HOURS -> previous == null || !previous.toLocalDate().equals(tick.toLocalDate())
                        ? TICK_DAY.format(tick) : "";
                case DAYS, WEEKS, MONTHS -> previous == null || previous.getYear() != tick.getYear()
                        ? TICK_YEAR.format(tick) : "";
                default -> "";
            };
        }
    }

    /** The ticks of the finest step that gives at most {@code most} of them between {@code from} and {@code to}. */
    static List<TimeTick> timeTicks(Instant from, Instant to, int most) {
        Duration domain = Duration.between(from, to);
        for (TickStep step : TickStep.ALL) {
            if (domain.dividedBy(step.roughly()) > most + 1L) {
                continue;
            }
            List<ZonedDateTime> ticks = step.between(from, to, most);
            if (ticks.size() > most) {
                continue;
            }
            List<TimeTick> result = new ArrayList<>();
            ZonedDateTime previous = null;
            for (ZonedDateTime tick : ticks) {
                double x = 100.0 * Duration.between(from, tick.toInstant()).toMillis() / domain.toMillis();
                // Near an edge a centred text would stick out of the chart.
                String anchor = x < 6 ? "start" : x > 94 ? "end" : "middle";
                result.add(new TimeTick(percent(x), anchor, step.label(tick), step.context(tick, previous)));
                previous = tick;
            }
            return result;
        }
        return List.of();
    }

    private static Duration medianGap(List<Column> columns) {
        if (columns.size() < 2) {
            return Duration.ofHours(1);
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < columns.size(); i++) {
            gaps.add(Duration.between(columns.get(i - 1).at(), columns.get(i).at()));
        }
        gaps.sort(null);
        return gaps.get(gaps.size() / 2);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    private static String pixels(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public List<Bar> bars() {
        return bars;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<ValueTick> valueTicks() {
        return valueTicks;
    }

    /** The time axis's ticks on a wide screen. */
    public List<TimeTick> wideTicks() {
        return wideTicks;
    }

    /** The time axis's ticks on a phone: fewer, so their texts do not run into each other. */
    public List<TimeTick> narrowTicks() {
        return narrowTicks;
    }

    /** The chart in words, for its description. */
    public String summary() {
        return summary;
    }

    /** What the value axis counts: "content records" or "mirrors". */
    public String unit() {
        return unit + "s";
    }

    /** How many of what the chart counts, in words: "1 content record", "3 content records". */
    public String counted(int count) {
        return counted(unit, count);
    }

    /** Whether it has exactly one bar, which a page says in words instead. */
    public boolean single() {
        return rows.size() == 1;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotTop() {
        return PLOT_TOP;
    }

    public int plotBottom() {
        return PLOT_BOTTOM;
    }

    public int plotHeight() {
        return PLOT_HEIGHT;
    }
}
