package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
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
    public record CountryGroup(String country, List<DistributionMirror> mirrors) {

        public String getCountry() {
            return country;
        }

        public List<DistributionMirror> getMirrors() {
            return mirrors;
        }

        public String getThroughput() {
            long kbps = mirrors.stream().mapToLong(m -> m.getSpeed().kilobitsPerSecond()).sum();
            return kbps >= 1_000_000 ? kbps / 1_000_000 + " Gbps" : kbps >= 1_000 ? kbps / 1_000 + " Mbps"
                    : kbps + " Kbps";
        }
    }

    private List<DistributionMirrors> sections;

    public List<DistributionMirrors> getSections() {
        if (sections == null) {
            sections = distributions.distributions().stream().map(distribution -> {
                List<DistributionMirror> enabled = distributions.enabledMirrors(distribution.getId());
                return new DistributionMirrors(distribution, byCountry(enabled, MirrorContent.ARCHIVE),
                        byCountry(enabled, MirrorContent.RELEASE));
            }).toList();
        }
        return sections;
    }

    private static List<CountryGroup> byCountry(List<DistributionMirror> mirrors, MirrorContent content) {
        Map<String, List<DistributionMirror>> grouped = mirrors.stream()
                .filter(mirror -> mirror.getContent() == content)
                .collect(Collectors.groupingBy(mirror -> mirror.getCountry().getName(), TreeMap::new,
                        Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new CountryGroup(e.getKey(), e.getValue())).toList();
    }
}
