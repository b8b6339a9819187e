package org.mirrorwatch.reference.boundary;

import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.LaunchpadNames;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.UrlScheme;
import java.util.Set;

/** A distribution as an administrator typed it; {@link #validate} reports every broken rule at once. */
public record DistributionForm(String name, String displayName, String mainArchiveUrl, String mainReleasesUrl,
        String mirrorAdminAddress) {

    /**
     * The top-level paths of Mirrorwatch's own console and API. The redirector serves /{name}/…, so a
     * distribution with one of these names could never be reached there.
     */
    static final Set<String> RESERVED_NAMES = Set.of("api", "admin", "account", "resources", "jakarta.faces.resource",
            "openapi", "web-inf", "meta-inf");

    /** The checked form: the name stripped, the URLs normalized. */
    DistributionForm validate() {
        FieldErrors errors = new FieldErrors();
        String validName = name == null ? null : name.strip();
        if (!LaunchpadNames.isValid(validName)) {
            errors.add("name", "Choose a name of 2 to 64 lower-case letters, digits, \"+\", \".\" and \"-\", e.g. ubuntu.");
        } else if (RESERVED_NAMES.contains(validName) || validName.endsWith(".xhtml")) {
            errors.add("name", "\"" + validName + "\" is a path of Mirrorwatch itself, where the redirector could not"
                    + " serve the distribution; choose another name.");
        }
        String validDisplayName = errors.requiredText("displayName", displayName, 200, PlainText.Lines.ONE,
                "Enter the name people know the distribution by, in at most 200 characters.");
        MirrorUrl archive = errors.parse("mainArchiveUrl", () -> webUrl(mainArchiveUrl));
        MirrorUrl releases = errors.parse("mainReleasesUrl", () -> webUrl(mainReleasesUrl));
        String adminAddress = mirrorAdminAddress == null || mirrorAdminAddress.isBlank() ? null
                : mirrorAdminAddress.strip();
        if (adminAddress != null && (adminAddress.length() > 254 || !adminAddress.contains("@")
                || PlainText.forbiddenCharacter(adminAddress, PlainText.Lines.ONE).isPresent())) {
            errors.add("mirrorAdminAddress", "Enter the mirror administrators' address, e.g. mirrors@example.org,"
                    + " or leave it empty.");
        }
        errors.throwIfAny();
        return new DistributionForm(validName, validDisplayName, archive.value(), releases.value(), adminAddress);
    }

    private static MirrorUrl webUrl(String url) {
        String text = url == null ? "" : url.strip();
        return MirrorUrl.of(text.regionMatches(true, 0, "https:", 0, 6) ? UrlScheme.HTTPS : UrlScheme.HTTP, text);
    }
}
