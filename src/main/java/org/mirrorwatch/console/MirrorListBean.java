package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.Distribution;
import org.mirrorwatch.registry.entity.MirrorContent;

/** The public list of enabled mirrors, per distribution and content type, grouped by country. */
@Named
@RequestScoped
public class MirrorListBean {

    @Inject
    DistributionFacade distributions;

    /** One distribution's section of the page. */
    public record DistributionMirrors(Distribution distribution, List<CountryGroup> archive,
            List<CountryGroup> release) {

        public Distribution getDistribution() {
            return distribution;
        }

        public List<CountryGroup> getArchive() {
            return archive;
        }

        public List<CountryGroup> getRelease() {
            return release;
        }
    }

    /** The mirrors of one country, with their summed throughput. */
    public record CountryGroup(String country, List<MirrorSummary> mirrors) {

        public String getCountry() {
            return country;
        }

        public List<MirrorSummary> getMirrors() {
            return mirrors;
        }

        public String getThroughput() {
            long kbps = mirrors.stream().mapToLong(entry -> entry.mirror().getSpeed().kilobitsPerSecond()).sum();
            return kbps >= 1_000_000 ? kbps / 1_000_000 + " Gbps" : kbps >= 1_000 ? kbps / 1_000 + " Mbps"
                    : kbps + " Kbps";
        }
    }

    private List<DistributionMirrors> sections;

    public List<DistributionMirrors> getSections() {
        if (sections == null) {
            sections = distributions.distributions().stream().map(distribution -> {
                List<MirrorSummary> enabled = distributions.enabledMirrorSummaries(distribution.getId());
                return new DistributionMirrors(distribution, byCountry(enabled, MirrorContent.ARCHIVE),
                        byCountry(enabled, MirrorContent.RELEASE));
            }).toList();
        }
        return sections;
    }

    private static List<CountryGroup> byCountry(List<MirrorSummary> mirrors, MirrorContent content) {
        Map<String, List<MirrorSummary>> grouped = mirrors.stream()
                .filter(entry -> entry.mirror().getContent() == content)
                .collect(Collectors.groupingBy(entry -> entry.mirror().getCountry().getName(), TreeMap::new,
                        Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new CountryGroup(e.getKey(), e.getValue())).toList();
    }
}
