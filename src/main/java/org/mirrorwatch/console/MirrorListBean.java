package org.mirrorwatch.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
import org.mirrorwatch.registry.boundary.MirrorSort;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionChoice;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * The public list of mirrors: archive or CD-image mirrors of one distribution, filtered by country,
 * freshness and speed, 100 a page. Sorted by name (the default), it is grouped by country with each
 * country's count and summed throughput; sorted by freshness, speed or last probe it is one flat list,
 * since groups would scatter the order the reader asked for. The filters and the order are plain GET
 * parameters, so every view of the list, every page included, is a link.
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
    private MirrorSort sort = MirrorSort.BY_NAME;
    private List<CountryGroup> groups;
    private List<MirrorSummary> flat;
    private List<CountryCount> countries;
    private Map<String, CountryCount> totals;
    private String next;
    private boolean firstPage;

    /** An order the list offers, with its words. */
    public record SortChoice(String token, String label) {
    }

    private static final Map<String, String> SORT_LABELS = orderedLabels(
            "name", "Name, A to Z, by country", "-name", "Name, Z to A, by country",
            "freshness", "Freshest first", "-freshness", "Stalest first",
            "-speed", "Fastest first", "speed", "Slowest first",
            "-last-probe", "Probed most recently first", "last-probe", "Probed longest ago first");

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
        sort = MirrorSort.parse(parameters.get("sort")).orElse(MirrorSort.BY_NAME);
        if (distribution == null) {
            groups = List.of();
            flat = List.of();
            countries = List.of();
            return;
        }
        MirrorQuery unfilteredByCountry = query(null);
        countries = mirrors.countByCountry(unfilteredByCountry);
        MirrorQuery query = query(country);
        totals = (country == null ? countries : mirrors.countByCountry(query)).stream()
                .collect(Collectors.toMap(CountryCount::name, Function.identity()));
        String after = decode(parameters.get("after"));
        MirrorPage page;
        try {
            page = list(query, after);
        } catch (InvalidInputException e) {
            // A link of another order, or a damaged one: the list starts from its first page.
            after = null;
            page = list(query, null);
        }
        firstPage = after == null;
        if (isGrouped()) {
            Map<String, List<MirrorSummary>> byCountry = new LinkedHashMap<>();
            for (MirrorSummary mirror : page.mirrors()) {
                byCountry.computeIfAbsent(mirror.countryName(), name -> new ArrayList<>()).add(mirror);
            }
            groups = byCountry.entrySet().stream().map(entry -> new CountryGroup(totals.get(entry.getKey()),
                    entry.getValue())).toList();
            flat = List.of();
        } else {
            groups = List.of();
            flat = page.mirrors();
        }
        next = page.nextAfter().map(Cursors::encode).orElse(null);
    }

    private MirrorPage list(MirrorQuery query, String after) {
        return isGrouped() ? mirrors.listByCountry(query, sort.descending(), after, PAGE_SIZE)
                : mirrors.list(query, sort, after, PAGE_SIZE);
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

    /** Sorted by name, the list is grouped by country; in any other order it is one flat list. */
    public boolean isGrouped() {
        return sort.key() == MirrorSort.Key.NAME;
    }

    public List<CountryGroup> getGroups() {
        return groups;
    }

    /** The page's mirrors in the chosen order, when the list is not grouped. */
    public List<MirrorSummary> getFlat() {
        return flat;
    }

    /** Whether the page shows no mirror at all. */
    public boolean isNoMirrors() {
        return groups.isEmpty() && flat.isEmpty();
    }

    public List<SortChoice> getSortChoices() {
        return SORT_LABELS.entrySet().stream().map(entry -> new SortChoice(entry.getKey(), entry.getValue()))
                .toList();
    }

    public String getSort() {
        return sort.token();
    }

    /** The order in words, e.g. "Stalest first", for the table's caption. */
    public String getSortLabel() {
        return SORT_LABELS.get(sort.token());
    }

    /**
     * The {@code aria-sort} of a column of the flat list: "ascending" or "descending" for the column the
     * list is sorted by, null (no attribute) for the others.
     */
    public String ariaSort(String key) {
        if (!sort.key().token().equals(key)) {
            return null;
        }
        return sort.descending() ? "descending" : "ascending";
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
        return next == null ? null : queryString() + "&after=" + next;
    }

    /** The query string of this list's first page: its filters and order, no cursor. */
    public String getFirstQuery() {
        return queryString();
    }

    /** The query string of the other tab's list (archive or CD images) in the same order. */
    public String tabQuery(boolean release) {
        StringBuilder query = new StringBuilder("content=" + (release ? "release" : "archive"));
        if (!sort.equals(MirrorSort.BY_NAME)) {
            query.append("&sort=").append(encode(sort.token()));
        }
        return query.toString();
    }

    /** The filters and the order as a query string; the defaults are left out, so links stay short. */
    private String queryString() {
        StringBuilder query = new StringBuilder("content=" + (isRelease() ? "release" : "archive"));
        if (distribution != null) {
            query.append("&distribution=").append(encode(distribution.name()));
        }
        if (country != null) {
            query.append("&country=").append(encode(country));
        }
        if (freshness != null) {
            query.append("&freshness=").append(freshness.name());
        }
        if (speed != null) {
            query.append("&speed=").append(speed.name());
        }
        if (!sort.equals(MirrorSort.BY_NAME)) {
            query.append("&sort=").append(encode(sort.token()));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> orderedLabels(String... tokensAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < tokensAndLabels.length; i += 2) {
            labels.put(tokensAndLabels[i], tokensAndLabels[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
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
