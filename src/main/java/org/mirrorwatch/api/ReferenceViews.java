package org.mirrorwatch.api;

import java.util.List;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;

/** How the API shows reference data. */
final class ReferenceViews {

    private ReferenceViews() {
    }

    /** A distribution. */
    public record DistributionView(String name, String displayName, String mainArchiveUrl, String mainReleasesUrl,
            String mirrorAdminAddress, List<String> series) {

        static DistributionView of(Distribution distribution) {
            return new DistributionView(distribution.getName(), distribution.getDisplayName(),
                    distribution.getMainArchiveUrl(), distribution.getMainReleasesUrl(),
                    distribution.getMirrorAdminAddress().orElse(null),
                    distribution.getReleases().stream().map(DistroRelease::getName).toList());
        }
    }

    /** A series, with its components in order and its architectures. */
    public record SeriesView(String distribution, String name, String version, String status, List<String> components,
            List<ArchSeriesView> architectures) {

        static SeriesView of(DistroRelease series) {
            return new SeriesView(series.getDistribution().getName(), series.getName(), series.getVersion(),
                    series.getStatus().name(), series.getComponents().stream().map(Component::getName).toList(),
                    series.getArchitectures().stream().map(ArchSeriesView::of).toList());
        }
    }

    /** An architecture of a series. */
    public record ArchSeriesView(String architecture, boolean official) {

        static ArchSeriesView of(DistroArchRelease arch) {
            return new ArchSeriesView(arch.getArchitectureTag(), arch.isOfficial());
        }
    }

    /** A component. */
    public record ComponentView(String name) {
    }
}
