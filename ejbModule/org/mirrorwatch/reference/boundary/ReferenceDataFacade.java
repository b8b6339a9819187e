package org.mirrorwatch.reference.boundary;

import org.mirrorwatch.platform.JsonBuilders;
import org.mirrorwatch.reference.boundary.ReferenceViews.ComponentView;
import org.mirrorwatch.reference.control.Distributions;
import org.mirrorwatch.reference.control.ReferenceChanged;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.identity.control.Callers;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.reference.boundary.ReferenceViews.ArchSeriesView;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionView;
import org.mirrorwatch.reference.boundary.ReferenceViews.SeriesView;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.LaunchpadNames;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;

/**
 * The reference data mirrors are measured against: distributions, their series, the series'
 * architectures, and components. Anyone reads them; mirror administrators add and change them, and each
 * change is audited. Names never change, since URLs, paths and mail use them.
 */
@Stateless
@PermitAll
public class ReferenceDataFacade {

    public static final String DISTRIBUTION = "distribution";
    public static final String SERIES = "series";
    public static final String ARCH_SERIES = "architecture series";
    public static final String COMPONENT = "component";

    @PersistenceContext
    EntityManager em;

    @Inject
    Distributions distributions;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ReferenceChanged> changes;

    /** Every distribution with its series, and every component, for {@link ReferenceReads}. */
    public ReferenceCatalog catalog() {
        List<Distribution> all = distributions.all();
        Map<String, List<SeriesView>> series = new HashMap<>();
        for (Distribution distribution : all) {
            series.put(distribution.getName(), distribution.getReleases().stream().map(SeriesView::of).toList());
        }
        return new ReferenceCatalog(all.stream().map(DistributionView::of).toList(), series, components());
    }

    /** The id of the distribution of that name, for the facades that take ids. */
    public long distributionId(String name) {
        return getDistribution(name).getId();
    }

    private Distribution getDistribution(String name) {
        return distributions.findByName(name).orElseThrow(() -> new NotFoundException(DISTRIBUTION, name));
    }

    public DistroRelease getSeries(String distribution, String series) {
        return findSeries(getDistribution(distribution), series)
                .orElseThrow(() -> new NotFoundException(SERIES, distribution + "/" + series));
    }

    public DistroArchRelease getArchSeries(String distribution, String series, String architecture) {
        return getSeries(distribution, series).getArchitectures().stream()
                .filter(arch -> arch.getArchitectureTag().equals(architecture)).findFirst()
                .orElseThrow(() -> new NotFoundException(ARCH_SERIES, distribution + "/" + series + "/" + architecture));
    }

    /** Every country, by name, for the forms' country choice. */
    public List<ReferenceViews.CountryChoice> countries() {
        return em.createQuery("SELECT c FROM Country c ORDER BY c.name", Country.class).getResultStream()
                .map(country -> new ReferenceViews.CountryChoice(country.getIsoCode(), country.getName())).toList();
    }

    public List<ComponentView> components() {
        return em.createQuery("SELECT c FROM Component c ORDER BY c.name", Component.class).getResultStream()
                .map(component -> new ComponentView(component.getName())).toList();
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionView createDistribution(DistributionForm form) {
        DistributionForm valid = form.validate();
        if (distributions.findByName(valid.name()).isPresent()) {
            throw new ConflictException("name", "There is a distribution called " + valid.name() + " already.");
        }
        Distribution distribution = new Distribution(valid.name(), valid.displayName(), valid.mainArchiveUrl(),
                valid.mainReleasesUrl());
        distribution.update(valid.displayName(), valid.mainArchiveUrl(), valid.mainReleasesUrl(),
                valid.mirrorAdminAddress());
        em.persist(distribution);
        em.flush();
        audited(AuditAction.DISTRIBUTION_CREATED, DISTRIBUTION, distribution.getId(), distribution.getName(), null,
                stateOf(distribution));
        return DistributionView.of(distribution);
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionView updateDistribution(String name, DistributionForm form) {
        Distribution distribution = getDistribution(name);
        DistributionForm valid = new DistributionForm(name, form.displayName(), form.mainArchiveUrl(),
                form.mainReleasesUrl(), form.mirrorAdminAddress()).validate();
        JsonObject before = stateOf(distribution);
        distribution.update(valid.displayName(), valid.mainArchiveUrl(), valid.mainReleasesUrl(),
                valid.mirrorAdminAddress());
        audited(AuditAction.DISTRIBUTION_UPDATED, DISTRIBUTION, distribution.getId(), name, before,
                stateOf(distribution));
        return DistributionView.of(distribution);
    }

    /** Sets where the distribution's mirrors keep their trace file, and the marker a running sync leaves. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public DistributionView configureTrace(String name, TraceForm form) {
        Distribution distribution = getDistribution(name);
        TraceForm valid = form.validate();
        JsonObject before = stateOf(distribution);
        distribution.configureTrace(valid.format(), valid.path(), valid.syncMarker());
        audited(AuditAction.DISTRIBUTION_UPDATED, DISTRIBUTION, distribution.getId(), name, before,
                stateOf(distribution));
        return DistributionView.of(distribution);
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public SeriesView createSeries(String distributionName, SeriesForm form) {
        Distribution distribution = getDistribution(distributionName);
        SeriesForm valid = form.validate(true);
        if (findSeries(distribution, valid.name()).isPresent()) {
            throw new ConflictException("name", distributionName + " has a series called " + valid.name() + " already.");
        }
        DistroRelease series = new DistroRelease(distribution, valid.name(), valid.version(), valid.status(),
                componentsNamed(valid.components()));
        em.persist(series);
        em.flush();
        audited(AuditAction.SERIES_CREATED, SERIES, series.getId(), distributionName + "/" + series.getName(), null,
                stateOf(series));
        return SeriesView.of(series);
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public SeriesView updateSeries(String distributionName, String seriesName, SeriesForm form) {
        DistroRelease series = getSeries(distributionName, seriesName);
        SeriesForm valid = form.validate(false);
        JsonObject before = stateOf(series);
        series.update(valid.version(), valid.status());
        audited(AuditAction.SERIES_UPDATED, SERIES, series.getId(), distributionName + "/" + seriesName, before,
                stateOf(series));
        return SeriesView.of(series);
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public ArchSeriesView createArchSeries(String distributionName, String seriesName, String architecture,
            boolean official) {
        DistroRelease series = getSeries(distributionName, seriesName);
        String tag = architecture == null ? null : architecture.strip();
        if (tag == null || !tag.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new InvalidInputException("architecture", "Enter the architecture tag, e.g. amd64 or arm64.");
        }
        if (series.getArchitectures().stream().anyMatch(arch -> arch.getArchitectureTag().equals(tag))) {
            throw new ConflictException("architecture", seriesName + " has the architecture " + tag + " already.");
        }
        DistroArchRelease arch = new DistroArchRelease(series, tag, official);
        em.persist(arch);
        em.flush();
        audited(AuditAction.ARCH_SERIES_CREATED, ARCH_SERIES, arch.getId(), distributionName + "/" + seriesName + "/"
                + tag, null, stateOf(arch));
        return ArchSeriesView.of(arch);
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public ArchSeriesView updateArchSeries(String distributionName, String seriesName, String architecture,
            boolean official) {
        DistroArchRelease arch = getArchSeries(distributionName, seriesName, architecture);
        JsonObject before = stateOf(arch);
        arch.markOfficial(official);
        audited(AuditAction.ARCH_SERIES_UPDATED, ARCH_SERIES, arch.getId(), distributionName + "/" + seriesName + "/"
                + architecture, before, stateOf(arch));
        return ArchSeriesView.of(arch);
    }

    @RolesAllowed(Roles.MIRROR_ADMIN)
    public ComponentView createComponent(String name) {
        String valid = name == null ? null : name.strip();
        if (!LaunchpadNames.isValid(valid)) {
            throw new InvalidInputException("name", "Choose a component name of 2 to 64 lower-case letters, digits,"
                    + " \"+\", \".\" and \"-\", e.g. universe.");
        }
        if (findComponent(valid).isPresent()) {
            throw new ConflictException("name", "There is a component called " + valid + " already.");
        }
        Component component = new Component(valid);
        em.persist(component);
        em.flush();
        audited(AuditAction.COMPONENT_CREATED, COMPONENT, component.getId(), valid, null,
                JsonBuilders.object().add("name", valid).build());
        return new ComponentView(component.getName());
    }

    private Optional<DistroRelease> findSeries(Distribution distribution, String name) {
        return distribution.getReleases().stream().filter(release -> release.getName().equals(name)).findFirst();
    }

    private Optional<Component> findComponent(String name) {
        return em.createQuery("SELECT c FROM Component c WHERE c.name = :name", Component.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private List<Component> componentsNamed(List<String> names) {
        List<Component> components = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            findComponent(name == null ? "" : name.strip()).ifPresentOrElse(components::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "There is no component called " + String.join(", ", unknown)
                    + ". Add it first, or choose from " + components().stream().map(ComponentView::name).toList() + ".");
        }
        if (components.stream().distinct().count() < components.size()) {
            throw new InvalidInputException("components", "List each component once.");
        }
        return components;
    }

    /** Every change of reference data is audited, and announced to those who keep a copy of it. */
    private void audited(AuditAction action, String type, Long id, String name, JsonObject before, JsonObject after) {
        audit.record(callers.caller(), action, type, id, name, before, after);
        changes.fire(new ReferenceChanged(type + " " + name));
    }

    private static JsonObject stateOf(Distribution distribution) {
        return JsonBuilders.object().add("displayName", distribution.getDisplayName())
                .add("mainArchiveUrl", distribution.getMainArchiveUrl())
                .add("mainReleasesUrl", distribution.getMainReleasesUrl())
                .add("mirrorAdminAddress", distribution.getMirrorAdminAddress().orElse(""))
                .add("traceFormat", distribution.getTraceFormat().name())
                .add("tracePath", distribution.getTracePath().orElse(""))
                .add("syncMarker", distribution.getSyncMarker().orElse("")).build();
    }

    private static JsonObject stateOf(DistroRelease series) {
        return JsonBuilders.object().add("version", series.getVersion()).add("status", series.getStatus().name())
                .add("components", JsonBuilders.array(series.getComponents().stream().map(Component::getName)
                        .toList())).build();
    }

    private static JsonObject stateOf(DistroArchRelease arch) {
        return JsonBuilders.object().add("official", arch.isOfficial()).build();
    }
}
