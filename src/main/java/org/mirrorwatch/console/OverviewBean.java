package org.mirrorwatch.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mirrorwatch.operations.OperationalFigures;
import org.mirrorwatch.registry.boundary.FreshnessHistory;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.reference.entity.Continent;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionChoice;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * The distribution overview: how many enabled mirrors are in each freshness status (and how many serve a
 * suite inconsistently), the throughput per continent, how many publish IPv6 but fail over it, and how the
 * freshness of all mirrors changed over the last 30 days.
 */
@Named
@RequestScoped
public class OverviewBean {

    static final int DAYS = 30;

    @Inject
    OperationalFigures figures;

    @Inject
    DistributionFacade distributions;

    @Inject
    FreshnessHistory history;

    @Inject
    Clock clock;

    private DistributionChoice distribution;
    private Map<MirrorStatus, Long> byFreshness;
    private List<Map.Entry<String, String>> byContinent;
    private FreshnessChart chart;
    private long failingIpv6;
    private OperationalFigures.Inconsistency inconsistency;

    /** A status and how many mirrors are in it, for the table. */
    public record StatusCount(MirrorStatus status, long mirrors) {

        public MirrorStatus getStatus() {
            return status;
        }

        public long getMirrors() {
            return mirrors;
        }
    }

    @PostConstruct
    void load() {
        distribution = distributions.distributions().stream().findFirst().orElse(null);
        byFreshness = figures.enabledMirrorsByFreshness();
        failingIpv6 = figures.enabledMirrorsFailingIpv6();
        inconsistency = figures.enabledMirrorsWithInconsistentSuites();
        byContinent = distribution == null ? List.of() : distributions.throughputByContinent(distribution.id())
                .entrySet().stream().map(entry -> Map.entry(title(entry.getKey()), MirrorListBean.throughput(entry.getValue())))
                .toList();
        // The history reaches back DAYS × 24 hours, which starts part-way through the day DAYS days ago.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        chart = FreshnessChart.ofDays(history.dailyOverall(DAYS), today.minusDays(DAYS), today);
    }

    /** NORTH_AMERICA as "North America". */
    private static String title(Continent continent) {
        return Arrays.stream(continent.name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    public DistributionChoice getDistribution() {
        return distribution;
    }

    public List<StatusCount> getByFreshness() {
        return byFreshness.entrySet().stream().map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
    }

    public List<Map.Entry<String, String>> getByContinent() {
        return byContinent;
    }

    /** Enabled mirrors that publish an AAAA record but did not answer over IPv6 at their last probe. */
    public long getFailingIpv6() {
        return failingIpv6;
    }

    /** Enabled mirrors serving a suite inconsistently (apt fails there), and those suites. */
    public OperationalFigures.Inconsistency getInconsistency() {
        return inconsistency;
    }

    public FreshnessChart getChart() {
        return chart;
    }
}
