package org.mirrorwatch.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mirrorwatch.platform.Cursors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.registry.boundary.CountryCount;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorPage;
import org.mirrorwatch.registry.boundary.MirrorQuery;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionChoice;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * The public list of mirrors: archive or CD-image mirrors of one distribution, grouped by country with
 * each country's count and summed throughput, filtered by country, freshness and speed, 100 a page. The
 * filters are plain GET parameters, so every view of the list is a link.
 */
@Named
@RequestScoped
public class MirrorListBean {

    static final int PAGE_SIZE = 100;

    @Inject
    DistributionFacade distributions;

    @Inject
    MirrorFacade mirrors;

    private DistributionChoice distribution;
    private MirrorContent content;
    private String country;
    private MirrorStatus freshness;
    private MirrorSpeed speed;
    private List<CountryGroup> groups;
    private List<CountryCount> countries;
    private Map<String, CountryCount> totals;
    private String next;
    private boolean firstPage;

    /** One country's mirrors on this page, with the country's totals over every page. */
    public record CountryGroup(CountryCount country, List<MirrorSummary> mirrors) {

        public CountryCount getCountry() {
            return country;
        }

        public List<MirrorSummary> getMirrors() {
            return mirrors;
        }

        public String getThroughput() {
            return throughput(country.kbps());
        }
    }

    @PostConstruct
    void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> parameters = external.getRequestParameterMap();
        List<DistributionChoice> all = distributions.distributions();
        distribution = all.stream().filter(d -> d.name().equals(parameters.get("distribution"))).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        content = "release".equals(parameters.get("content")) ? MirrorContent.RELEASE : MirrorContent.ARCHIVE;
        country = blankToNull(parameters.get("country"));
        freshness = Choices.enumOrNull(MirrorStatus.class, parameters.get("freshness"));
        speed = Choices.enumOrNull(MirrorSpeed.class, parameters.get("speed"));
        if (distribution == null) {
            groups = List.of();
            countries = List.of();
            return;
        }
        MirrorQuery unfilteredByCountry = query(null);
        countries = mirrors.countByCountry(unfilteredByCountry);
        MirrorQuery query = query(country);
        totals = (country == null ? countries : mirrors.countByCountry(query)).stream()
                .collect(Collectors.toMap(CountryCount::name, Function.identity()));
        String after = decode(parameters.get("after"));
        firstPage = after == null;
        MirrorPage page = mirrors.listByCountry(query, after, PAGE_SIZE);
        Map<String, List<MirrorSummary>> byCountry = new LinkedHashMap<>();
        for (MirrorSummary mirror : page.mirrors()) {
            byCountry.computeIfAbsent(mirror.countryName(), name -> new ArrayList<>()).add(mirror);
        }
        groups = byCountry.entrySet().stream().map(entry -> new CountryGroup(totals.get(entry.getKey()),
                entry.getValue())).toList();
        next = page.nextAfter().map(Cursors::encode).orElse(null);
    }

    private MirrorQuery query(String countryCode) {
        return new MirrorQuery(distribution.name(), countryCode, content, Boolean.TRUE, null, freshness, speed,
                null, null);
    }

    public DistributionChoice getDistribution() {
        return distribution;
    }

    public boolean isRelease() {
        return content == MirrorContent.RELEASE;
    }

    public List<CountryGroup> getGroups() {
        return groups;
    }

    /** Every country with mirrors of this kind, for the country filter. */
    public List<CountryCount> getCountries() {
        return countries;
    }

    public long getTotalMirrors() {
        return totals == null ? 0 : totals.values().stream().mapToLong(CountryCount::mirrors).sum();
    }

    public String getTotalThroughput() {
        return throughput(totals == null ? 0 : totals.values().stream().mapToLong(CountryCount::kbps).sum());
    }

    public MirrorStatus[] getFreshnessChoices() {
        return MirrorStatus.values();
    }

    public MirrorSpeed[] getSpeedChoices() {
        return MirrorSpeed.values();
    }

    public String getCountry() {
        return country;
    }

    public String getFreshness() {
        return freshness == null ? null : freshness.name();
    }

    public String getSpeed() {
        return speed == null ? null : speed.name();
    }

    public boolean isFirstPage() {
        return firstPage;
    }

    /** The query string of the next page, or null on the last page. */
    public String getNextQuery() {
        if (next == null) {
            return null;
        }
        StringBuilder query = new StringBuilder("content=" + (isRelease() ? "release" : "archive"));
        query.append("&distribution=").append(distribution.name());
        if (country != null) {
            query.append("&country=").append(country);
        }
        if (freshness != null) {
            query.append("&freshness=").append(freshness.name());
        }
        if (speed != null) {
            query.append("&speed=").append(speed.name());
        }
        return query.append("&after=").append(next).toString();
    }

    static String throughput(long kbps) {
        return kbps >= 1_000_000 ? String.format(Locale.ROOT, "%,d Gbps", kbps / 1_000_000)
                : kbps >= 1_000 ? String.format(Locale.ROOT, "%,d Mbps", kbps / 1_000) : kbps + " Kbps";
    }

    /** The key a page link continues after; a damaged link starts from the first page. */
    private static String decode(String cursor) {
        try {
            return Cursors.decode(cursor);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** A filter from the address bar; one no list could match (control characters, too long) is no filter. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() || PlainText.problem(text, MirrorQuery.MAX_TEXT, PlainText.Lines.ONE)
                .isPresent() ? null : text.strip();
    }
}
