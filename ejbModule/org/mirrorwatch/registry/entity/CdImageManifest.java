package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.platform.InvalidInputException;

/**
 * What release (CD image) mirrors of a distribution should carry, as lines of
 * {@code flavour<TAB>series<TAB>path<TAB>size}. Blank lines and lines starting with "#" are ignored. A
 * manifest with any bad line is refused whole, each bad line reported with its number.
 */
@Entity
@Table(name = "cd_image_manifest")
public class CdImageManifest {

    private static final Pattern FLAVOUR = Pattern.compile("^[a-z0-9][a-z0-9+.-]*$");

    @Id
    @Column(name = "distribution_id")
    private Long distributionId;

    @Column(name = "source_url")
    private String sourceUrl;

    @Column(nullable = false)
    private String content = "";

    @Column(name = "date_updated", nullable = false)
    private Instant dateUpdated;

    protected CdImageManifest() {
    }

    public CdImageManifest(long distributionId, Instant now) {
        this.distributionId = distributionId;
        this.dateUpdated = now;
    }

    /**
     * Parses a manifest against the series the distribution has.
     *
     * @throws InvalidInputException listing every bad line, as "line N: ..."; nothing is kept then
     */
    public static List<CdImageFile> parse(String text, Set<String> knownSeries) {
        List<CdImageFile> files = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String[] lines = Objects.requireNonNull(text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String field = "line " + (i + 1);
            Optional<String> forbidden = PlainText.forbiddenCharacter(line, PlainText.Lines.MANY);
            if (forbidden.isPresent()) {
                errors.add(new FieldError(field, forbidden.get()));
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 4) {
                errors.add(new FieldError(field, "expected 4 fields separated by tabs (flavour, series, path,"
                        + " size), found " + parts.length));
                continue;
            }
            String problem = problemOf(parts, knownSeries);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            } else {
                files.add(new CdImageFile(parts[0], parts[1], parts[2], Long.parseLong(parts[3])));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return files;
    }

    private static String problemOf(String[] parts, Set<String> knownSeries) {
        if (!FLAVOUR.matcher(parts[0]).matches()) {
            return "the flavour \"" + parts[0] + "\" must be lower-case letters, digits, \"+\", \".\" or \"-\"";
        }
        if (!knownSeries.contains(parts[1])) {
            return "there is no series \"" + parts[1] + "\"; the series are " + String.join(", ", knownSeries);
        }
        String path = parts[2];
        if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("://")
                || path.contains("?") || path.contains("#") || path.contains("\\") || path.isBlank()) {
            return "the path \"" + path + "\" must be relative to the mirror, e.g. noble/ubuntu-24.04-desktop-amd64.iso";
        }
        try {
            if (Long.parseLong(parts[3]) <= 0) {
                return "the size must be a positive number of bytes, not " + parts[3];
            }
        } catch (NumberFormatException e) {
            return "the size must be a number of bytes, not \"" + parts[3] + "\"";
        }
        return null;
    }

    /** Keeps a manifest that {@link #parse} accepted. */
    public void store(String text, Instant now) {
        this.content = text;
        this.dateUpdated = now;
    }

    /** Fetch the manifest from this URL before each release round; null to stop fetching. */
    public void fetchFrom(String url, Instant now) {
        this.sourceUrl = url;
        this.dateUpdated = now;
    }

    public Long getDistributionId() {
        return distributionId;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public String getContent() {
        return content;
    }

    public Instant getDateUpdated() {
        return dateUpdated;
    }
}
