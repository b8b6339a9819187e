package org.mirrorwatch.reference.boundary;

import java.util.List;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;

/**
 * Reference data as screens and the API show it, built inside the facade's transaction, so nothing walks
 * a lazy collection after it (which Hibernate refuses).
 */
public final class ReferenceViews {

    private ReferenceViews() {
    }

    /** A distribution. */
    public record DistributionView(String name, String displayName, String mainArchiveUrl, String mainReleasesUrl,
            String mirrorAdminAddress, List<String> series, TraceView trace) {

        public static DistributionView of(Distribution distribution) {
            return new DistributionView(distribution.getName(), distribution.getDisplayName(),
                    distribution.getMainArchiveUrl(), distribution.getMainReleasesUrl(),
                    distribution.getMirrorAdminAddress().orElse(null),
                    distribution.getReleases().stream().map(DistroRelease::getName).toList(),
                    new TraceView(distribution.getTraceFormat().name(), distribution.getTracePath().orElse(null),
                            distribution.getSyncMarker().orElse(null)));
        }
    }

    /** Where a distribution's mirrors keep their trace file, and the marker a running sync leaves. */
    public record TraceView(String format, String path, String syncMarker) {
    }

    /** A series, with its components in order and its architectures. */
    public record SeriesView(String distribution, String name, String version, String status, List<String> components,
            List<ArchSeriesView> architectures) {

        public static SeriesView of(DistroRelease series) {
            return new SeriesView(series.getDistribution().getName(), series.getName(), series.getVersion(),
                    series.getStatus().name(), series.getComponents().stream().map(Component::getName).toList(),
                    series.getArchitectures().stream().map(ArchSeriesView::of).toList());
        }
    }

    /** An architecture of a series. */
    public record ArchSeriesView(String architecture, boolean official) {

        public static ArchSeriesView of(DistroArchRelease arch) {
            return new ArchSeriesView(arch.getArchitectureTag(), arch.isOfficial());
        }
    }

    /** A component. */
    public record ComponentView(String name) {
    }

    /** A distribution as forms and menus offer it. */
    public record DistributionChoice(long id, String name, String displayName) {

        public static DistributionChoice of(Distribution distribution) {
            return new DistributionChoice(distribution.getId(), distribution.getName(),
                    distribution.getDisplayName());
        }
    }

    /** A country as forms offer it. */
    public record CountryChoice(String isoCode, String name) {
    }
}
