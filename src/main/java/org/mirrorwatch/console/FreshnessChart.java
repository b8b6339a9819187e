package org.mirrorwatch.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mirrorwatch.registry.boundary.FreshnessSnapshot;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * A stacked bar chart of a mirror's freshness over time, drawn as SVG by the page: one bar per probe,
 * split by how many content records were in each status. No script is needed to see it, and a table
 * beside it carries the same figures for screen readers.
 */
public final class FreshnessChart {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 160;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** One coloured piece of a bar. */
    public record Segment(double x, double y, double width, double height, String status, String label) {

        public String getX() {
            return format(x);
        }

        public String getY() {
            return format(y);
        }

        public String getWidth() {
            return format(width);
        }

        public String getHeight() {
            return format(height);
        }

        public String getStatus() {
            return status;
        }

        public String getLabel() {
            return label;
        }
    }

    /** One probe's figures, for the table. */
    public record Row(String date, String overall, int up, int behind, int unknown) {

        public String getDate() {
            return date;
        }

        public String getOverall() {
            return overall;
        }

        public int getUp() {
            return up;
        }

        public int getBehind() {
            return behind;
        }

        public int getUnknown() {
            return unknown;
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    /** One bar: its label and how many were in each status. */
    public record Column(String label, String overall, Map<MirrorStatus, Integer> counts) {
    }

    /** The chart of a mirror's newest {@code bars} snapshots, oldest left: records per status. */
    public static FreshnessChart ofSnapshots(List<FreshnessSnapshot> snapshots, int bars) {
        return new FreshnessChart(snapshots.subList(Math.max(0, snapshots.size() - bars), snapshots.size()).stream()
                .map(s -> new Column(DAY.format(s.dateCreated()), s.overall().title(), s.counts())).toList());
    }

    public FreshnessChart(List<Column> shown) {
        int most = shown.stream().mapToInt(c -> c.counts().values().stream().mapToInt(Integer::intValue).sum())
                .max().orElse(0);
        // Bars are at most 40 units wide, so a single probe does not fill the chart.
        double slot = shown.isEmpty() ? WIDTH : Math.min(40, (double) WIDTH / shown.size());
        for (int i = 0; i < shown.size(); i++) {
            Column column = shown.get(i);
            Map<MirrorStatus, Integer> counts = column.counts();
            String date = column.label();
            double top = HEIGHT;
            for (MirrorStatus status : MirrorStatus.values()) {
                int count = counts.getOrDefault(status, 0);
                if (count == 0 || most == 0) {
                    continue;
                }
                double height = (double) count / most * HEIGHT;
                top -= height;
                segments.add(new Segment(i * slot + slot * 0.1, top, slot * 0.8, height, status.name(),
                        date + ": " + count + " " + status.title().toLowerCase(Locale.ROOT)));
            }
            int up = counts.getOrDefault(MirrorStatus.UP, 0);
            int unknown = counts.getOrDefault(MirrorStatus.UNKNOWN, 0);
            int behind = counts.values().stream().mapToInt(Integer::intValue).sum() - up - unknown;
            rows.add(new Row(date, column.overall(), up, behind, unknown));
        }
    }

    public List<Segment> getSegments() {
        return segments;
    }

    public List<Row> getRows() {
        return rows;
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
