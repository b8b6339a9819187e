package org.mirrorwatch.registry.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.boundary.MirrorReports.ContentRow;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * What a mirror carries as a matrix, as its page shows it: one row per suite (a series and a pocket, e.g.
 * "noble-updates"), one column per architecture and one for sources, and in each cell the freshness of its
 * components. A cell takes the stalest freshness of its components, so one stale component is never hidden
 * by fresh ones. {@code behind} lists the cells that are not up to date, stalest first; the summary says
 * them in a few lines ({@link #lags()}), one per suite and freshness.
 *
 * @param columns the architectures in alphabetical order, then {@link #SOURCE} if the mirror carries sources
 * @param rows newest series first; within a series the suites in the order sources.list names them
 */
public record ContentMatrix(List<String> columns, List<Row> rows, List<Cell> behind) {

    /** The column of source packages. */
    public static final String SOURCE = "source";

    /** How many lines the summary has before it says how many more cells lag. */
    public static final int SUMMARY_SIZE = 5;

    /**
     * Suites in the order people list them in sources.list: the release, then updates and security, which
     * every mirror user wants, then the optional pockets. Launchpad's own order
     * ({@link PackagePublishingPocket}'s) puts backports second, which reads oddly in a table.
     */
    private static final List<PackagePublishingPocket> POCKET_ORDER = List.of(PackagePublishingPocket.RELEASE,
            PackagePublishingPocket.UPDATES, PackagePublishingPocket.SECURITY, PackagePublishingPocket.BACKPORTS,
            PackagePublishingPocket.PROPOSED);

    public ContentMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        behind = List.copyOf(behind);
    }

    /** A suite's cells, one per column, in the order of the columns. */
    public record Row(String suite, List<Cell> cells) {
    }

    /** One component's freshness in a cell. */
    public record ComponentFreshness(String component, MirrorStatus freshness) {
    }

    /**
     * One (suite, column) of the matrix.
     *
     * @param freshness the stalest freshness of its components; null when the mirror does not carry it
     * @param components in alphabetical order; empty when not carried
     */
    public record Cell(String suite, String column, MirrorStatus freshness, List<ComponentFreshness> components) {

        public boolean carried() {
            return freshness != null;
        }

        /** Whether its components differ in freshness, so that the cell's colour is not every component's. */
        public boolean mixed() {
            return components.stream().map(ComponentFreshness::freshness).distinct().count() > 1;
        }

        /** The components at the cell's (stalest) freshness. */
        public List<String> stalestComponents() {
            return components.stream().filter(c -> c.freshness() == freshness).map(ComponentFreshness::component)
                    .toList();
        }

        /** Every component with its freshness, for the cell's tooltip: "noble amd64: main up to date, ...". */
        public String detail() {
            if (!carried()) {
                return suite + " " + column + ": not carried";
            }
            return suite + " " + column + ": " + components.stream()
                    .map(c -> c.component() + " " + phrase(c.freshness())).collect(Collectors.joining(", "));
        }

        /** The key of the summary's line that names the cell: its suite, freshness and stale components. */
        private List<Object> lagKey() {
            return List.of(suite, freshness, mixed() ? stalestComponents() : List.of());
        }
    }

    /** How much of its suite a line of the summary covers. */
    public enum Extent {
        /** The columns it names. */
        COLUMNS,
        /** Every architecture the suite is carried in, but not its sources. */
        EVERY_ARCHITECTURE,
        /** Every cell of the suite the mirror carries. */
        WHOLE_SUITE
    }

    /**
     * A line of the summary: the cells of one suite that lag alike (the same freshness, and the same stale
     * components where a cell's components differ).
     *
     * @param components the components that lag, when others in the same cells are fresher; else empty
     */
    public record Lag(String suite, List<String> columns, MirrorStatus freshness, List<String> components,
            Extent extent) {

        /**
         * The line in words, e.g. "noble-updates arm64: one day behind", "noble-proposed, every architecture:
         * one week behind", or "noble-updates amd64, arm64: one day behind (universe)".
         */
        public String sentence() {
            String where = switch (extent) {
                case WHOLE_SUITE -> suite;
                case EVERY_ARCHITECTURE -> suite + ", every architecture";
                case COLUMNS -> suite + " " + String.join(", ", columns);
            };
            return where + ": " + phrase(freshness)
                    + (components.isEmpty() ? "" : " (" + String.join(", ", components) + ")");
        }
    }

    /**
     * The lagging cells as the summary's lines, the stalest first, and among equals in the table's order: the
     * cells of a suite that lag alike make one line, so a pocket behind in every architecture is one line,
     * not seven.
     */
    public List<Lag> lags() {
        Map<List<Object>, List<Cell>> alike = new LinkedHashMap<>();
        for (Cell cell : behind) {
            alike.computeIfAbsent(cell.lagKey(), key -> new ArrayList<>()).add(cell);
        }
        List<Lag> lags = new ArrayList<>();
        alike.values().forEach(cells -> {
            Cell first = cells.get(0);
            List<Cell> suite = rows.stream().filter(row -> row.suite().equals(first.suite())).findFirst()
                    .orElseThrow().cells().stream().filter(Cell::carried).toList();
            List<String> lagging = cells.stream().map(Cell::column).toList();
            List<String> architectures = suite.stream().map(Cell::column).filter(column -> !SOURCE.equals(column))
                    .toList();
            Extent extent = cells.size() < 2 ? Extent.COLUMNS
                    : cells.size() == suite.size() ? Extent.WHOLE_SUITE
                    : lagging.equals(architectures) ? Extent.EVERY_ARCHITECTURE : Extent.COLUMNS;
            lags.add(new Lag(first.suite(), lagging, first.freshness(),
                    first.mixed() ? first.stalestComponents() : List.of(), extent));
        });
        return lags;
    }

    /** The summary's lines: the first {@link #SUMMARY_SIZE} of {@link #lags()}. */
    public List<Lag> summary() {
        List<Lag> lags = lags();
        return lags.subList(0, Math.min(SUMMARY_SIZE, lags.size()));
    }

    /** How many lagging cells the summary's lines leave out. */
    public int moreBehind() {
        return behind.size() - summary().stream().mapToInt(lag -> lag.columns().size()).sum();
    }

    public boolean carriesNothing() {
        return rows.isEmpty();
    }

    /** Every carried cell is up to date. */
    public boolean upToDate() {
        return behind.isEmpty();
    }

    /** A freshness as a summary's sentence says it: "one day behind", "up to date", "freshness unknown". */
    static String phrase(MirrorStatus status) {
        if (status == MirrorStatus.UNKNOWN) {
            return "freshness unknown";
        }
        return status.title().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the matrix of a mirror's content records.
     *
     * @param binaries records with an architecture
     * @param sources records without one
     * @param seriesVersions each series' version ("24.04"), which orders the series newest first; a series
     *     without one comes last, by name
     */
    public static ContentMatrix of(List<ContentRow> binaries, List<ContentRow> sources,
            Map<String, String> seriesVersions) {
        TreeSet<String> architectures = binaries.stream().map(ContentRow::architecture)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> columns = new ArrayList<>(architectures);
        if (!sources.isEmpty()) {
            columns.add(SOURCE);
        }
        Map<Suite, Map<String, Map<String, MirrorStatus>>> bySuite = new TreeMap<>(suiteOrder(seriesVersions));
        for (ContentRow row : binaries) {
            put(bySuite, row, row.architecture());
        }
        for (ContentRow row : sources) {
            put(bySuite, row, SOURCE);
        }
        List<Row> rows = new ArrayList<>();
        List<Cell> behind = new ArrayList<>();
        bySuite.forEach((suite, byColumn) -> {
            List<Cell> cells = new ArrayList<>();
            for (String column : columns) {
                Map<String, MirrorStatus> components = byColumn.getOrDefault(column, Map.of());
                Cell cell = cell(suite.name(), column, components);
                cells.add(cell);
                if (cell.carried() && cell.freshness() != MirrorStatus.UP) {
                    behind.add(cell);
                }
            }
            rows.add(new Row(suite.name(), List.copyOf(cells)));
        });
        // Stalest first; a stable sort keeps the table's order (newest series, release first) among equals.
        behind.sort(Comparator.comparing(Cell::freshness).reversed());
        return new ContentMatrix(columns, rows, behind);
    }

    private static void put(Map<Suite, Map<String, Map<String, MirrorStatus>>> bySuite, ContentRow row,
            String column) {
        Suite suite = new Suite(row.series(), PackagePublishingPocket.valueOf(row.pocket()));
        bySuite.computeIfAbsent(suite, s -> new LinkedHashMap<>())
                .computeIfAbsent(column, c -> new TreeMap<>())
                .merge(row.component(), row.freshness(), (a, b) -> a.isStalerThan(b) ? a : b);
    }

    private static Cell cell(String suite, String column, Map<String, MirrorStatus> components) {
        MirrorStatus stalest = components.values().stream().max(Comparator.naturalOrder()).orElse(null);
        return new Cell(suite, column, stalest, components.entrySet().stream()
                .map(entry -> new ComponentFreshness(entry.getKey(), entry.getValue())).toList());
    }

    /** A series and a pocket: a row of the matrix. */
    private record Suite(String series, PackagePublishingPocket pocket) {

        String name() {
            return series + pocket.suffix();
        }
    }

    private static Comparator<Suite> suiteOrder(Map<String, String> seriesVersions) {
        Comparator<String> newestSeriesFirst = (a, b) -> {
            String versionA = seriesVersions.get(a);
            String versionB = seriesVersions.get(b);
            if (versionA == null || versionB == null) {
                return versionA == null ? (versionB == null ? 0 : 1) : -1;
            }
            return compareVersions(versionB, versionA);
        };
        return Comparator.comparing(Suite::series, newestSeriesFirst.thenComparing(Comparator.naturalOrder()))
                .thenComparing(suite -> POCKET_ORDER.indexOf(suite.pocket()));
    }

    /** Compares versions such as "4.10" and "24.04" part by part, as numbers where both parts are. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("[.\\-]");
        String[] right = b.split("[.\\-]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = left[i].matches("\\d{1,9}") && right[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]))
                    : left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
