package org.mirrorwatch.publishing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mirrorwatch.identity.control.Callers;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.publishing.control.PublicationImporter;
import org.mirrorwatch.publishing.control.PublicationImporter.Written;
import org.mirrorwatch.publishing.control.ResolvedPublication;
import org.mirrorwatch.publishing.entity.PackageFileType;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * The archive publisher's import of source and binary publications, one at a time or in batches. Every
 * row is checked and resolved first, and each problem is reported with its row's index; nothing is
 * written unless all pass. The import is idempotent on (name, version, series or architecture series,
 * pocket, component): a replayed batch changes nothing.
 */
@Stateless
@RolesAllowed(Roles.PUBLISHER)
public class PublicationImportFacade {

    private static final Logger LOG = Logger.getLogger(PublicationImportFacade.class.getName());

    public static final int MAXIMUM_BATCH = 10_000;

    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]{1,127}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+~:-]{0,127}");
    private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+~:_-]{0,254}");

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicationImporter importer;

    @Inject
    Callers callers;

    /** Imports one publication. Problems are reported by field name. */
    public ImportResult importOne(PublicationImport publication) {
        return importAll(List.of(publication), index -> "");
    }

    /** Imports up to {@value #MAXIMUM_BATCH} publications. Problems are reported as {@code publications[i].field}. */
    public ImportResult importBatch(List<PublicationImport> publications) {
        if (publications == null || publications.isEmpty()) {
            throw new InvalidInputException("publications", "Send a JSON array of publications.");
        }
        if (publications.size() > MAXIMUM_BATCH) {
            throw new InvalidInputException("publications", "Send at most " + MAXIMUM_BATCH
                    + " publications at a time; this batch has " + publications.size() + ".");
        }
        return importAll(publications, index -> "publications[" + index + "].");
    }

    private ImportResult importAll(List<PublicationImport> rows, Function<Integer, String> prefix) {
        Targets targets = new Targets();
        FieldErrors errors = new FieldErrors();
        List<ResolvedPublication> resolved = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int index = 0; index < rows.size(); index++) {
            ResolvedPublication publication = resolve(rows.get(index), prefix.apply(index), targets, errors);
            if (publication != null) {
                Integer first = seen.putIfAbsent(publication.key(), index);
                if (first != null) {
                    errors.add(prefix.apply(index) + "name", "Repeats the publication at index " + first + ".");
                } else {
                    resolved.add(publication);
                }
            }
        }
        errors.throwIfAny();
        Map<PublicationKind, List<ResolvedPublication>> byKind = resolved.stream()
                .collect(Collectors.groupingBy(ResolvedPublication::kind));
        try {
            Written sources = importer.write(PublicationKind.SOURCE, byKind.getOrDefault(PublicationKind.SOURCE, List.of()));
            Written binaries = importer.write(PublicationKind.BINARY, byKind.getOrDefault(PublicationKind.BINARY, List.of()));
            int created = sources.created() + binaries.created();
            int updated = sources.updated() + binaries.updated();
            ImportResult result = new ImportResult(rows.size(), created, updated, rows.size() - created - updated,
                    sources.filesAdded() + binaries.filesAdded());
            LOG.info(() -> "Imported " + rows.size() + " publications from " + callers.caller().person().getName()
                    + ": " + result.created() + " created, " + result.updated() + " updated, " + result.unchanged()
                    + " unchanged");
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("The publications could not be written: " + e.getMessage(), e);
        }
    }

    private static ResolvedPublication resolve(PublicationImport row, String prefix, Targets targets,
            FieldErrors errors) {
        if (row == null) {
            errors.add(prefix.isEmpty() ? "publication" : prefix.substring(0, prefix.length() - 1),
                    "Send a publication object, not null.");
            return null;
        }
        int before = errors.size();
        PublicationKind kind = parseEnum(PublicationKind.class, row.kind(), prefix + "kind", errors);
        check(row.name() != null && PACKAGE_NAME.matcher(row.name()).matches(), prefix + "name",
                "Give the package name: lower-case letters, digits, \"+\", \".\" and \"-\".", errors);
        check(row.version() != null && VERSION.matcher(row.version()).matches(), prefix + "version",
                "Give the version as Debian writes it, e.g. 2.10-1ubuntu1.", errors);
        String sourceName = row.sourceName() == null || row.sourceName().isBlank() ? row.name() : row.sourceName();
        check(sourceName != null && PACKAGE_NAME.matcher(sourceName).matches(), prefix + "sourceName",
                "Give the source package name: lower-case letters, digits, \"+\", \".\" and \"-\".", errors);
        PackagePublishingPocket pocket = parseEnum(PackagePublishingPocket.class, row.pocket(), prefix + "pocket", errors);
        PackagePublishingStatus status = parseEnum(PackagePublishingStatus.class, row.status(), prefix + "status",
                errors);
        Instant published = null;
        if (row.datePublished() != null && !row.datePublished().isBlank()) {
            try {
                published = Instant.parse(row.datePublished().strip());
            } catch (DateTimeParseException e) {
                errors.add(prefix + "datePublished", "Give the date as ISO-8601 in UTC, e.g. 2026-01-10T12:00:00Z.");
            }
        } else if (status == PackagePublishingStatus.PUBLISHED) {
            errors.add(prefix + "datePublished", "A PUBLISHED publication needs its date of publication.");
        }
        DistroRelease series = targets.series(row.distribution(), row.series());
        if (series == null) {
            errors.add(prefix + "series", "There is no series " + row.distribution() + "/" + row.series() + ".");
        }
        Component component = targets.component(row.component());
        if (component == null) {
            errors.add(prefix + "component", "There is no component called " + row.component() + ".");
        } else if (series != null && !series.getComponents().contains(component)) {
            errors.add(prefix + "component", series.getName() + " has no component " + component.getName() + ".");
        }
        Long targetId = series == null ? null : series.getId();
        if (kind == PublicationKind.BINARY && series != null) {
            DistroArchRelease arch = series.getArchitectures().stream()
                    .filter(candidate -> candidate.getArchitectureTag().equals(row.architecture())).findFirst()
                    .orElse(null);
            if (arch == null) {
                errors.add(prefix + "architecture", series.getName() + " has no architecture " + row.architecture()
                        + ".");
            } else {
                targetId = arch.getId();
            }
        }
        List<ResolvedPublication.File> files = new ArrayList<>();
        List<PublicationImport.FileImport> given = row.files() == null ? List.of() : row.files();
        for (int i = 0; i < given.size(); i++) {
            PublicationImport.FileImport file = given.get(i);
            String field = prefix + "files[" + i + "]";
            if (file == null || file.filename() == null || !FILENAME.matcher(file.filename()).matches()) {
                errors.add(field + ".filename", "Give the file's name in the pool, without a directory.");
                continue;
            }
            PackageFileType type = parseEnum(PackageFileType.class, file.type(), field + ".type", errors);
            if (type != null) {
                files.add(new ResolvedPublication.File(file.filename(), type));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new ResolvedPublication(kind, row.name(), row.version(), sourceName, targetId, pocket,
                component.getId(), status, published, List.copyOf(files));
    }

    private static void check(boolean ok, String field, String message, FieldErrors errors) {
        if (!ok) {
            errors.add(field, message);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field, FieldErrors errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        errors.add(field, "Choose one of " + List.of(type.getEnumConstants()) + ".");
        return null;
    }

    /** The series and components, loaded once per import. */
    private final class Targets {

        private final Map<String, DistroRelease> series = new HashMap<>();
        private final Map<String, Component> components;

        Targets() {
            em.createQuery("SELECT r FROM DistroRelease r JOIN FETCH r.distribution", DistroRelease.class)
                    .getResultStream().forEach(release ->
                            series.put(release.getDistribution().getName() + "/" + release.getName(), release));
            components = em.createQuery("SELECT c FROM Component c", Component.class).getResultStream()
                    .collect(Collectors.toMap(Component::getName, Function.identity()));
        }

        DistroRelease series(String distribution, String name) {
            return series.get(distribution + "/" + name);
        }

        Component component(String name) {
            return name == null ? null : components.get(name);
        }
    }
}
