package org.mirrorwatch.reference.boundary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.reference.boundary.ReferenceViews.ComponentView;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionView;
import org.mirrorwatch.reference.boundary.ReferenceViews.SeriesView;

/**
 * Every distribution with its series, and every component, as the API shows them, read in one transaction.
 * Immutable, so that any number of requests may read one catalog at once.
 *
 * @param distributions by name
 * @param series each distribution's series in the order they were made, by distribution name
 * @param components by name
 */
public record ReferenceCatalog(List<DistributionView> distributions, Map<String, List<SeriesView>> series,
        List<ComponentView> components) {

    public ReferenceCatalog {
        distributions = List.copyOf(distributions);
        series = Map.copyOf(series);
        components = List.copyOf(components);
    }

    public Optional<DistributionView> distribution(String name) {
        return distributions.stream().filter(distribution -> distribution.name().equals(name)).findFirst();
    }

    /** The distribution's series, or empty when there is no such distribution. */
    public Optional<List<SeriesView>> seriesOf(String distribution) {
        return distribution == null ? Optional.empty() : Optional.ofNullable(series.get(distribution));
    }
}
