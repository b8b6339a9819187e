package org.mirrorwatch.registry.boundary;

import java.io.Serializable;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorName;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.reference.entity.UrlScheme;

/**
 * A mirror as someone typed it: nothing here is checked until {@link #validate}, which checks every field
 * and reports all broken rules at once.
 */
public record MirrorForm(String name, String displayName, String description, MirrorSpeed speed, String countryCode,
        MirrorContent content, MirrorPulseType pulseType, String httpBaseUrl, String httpsBaseUrl, String ftpBaseUrl,
        String rsyncBaseUrl, boolean officialCandidate) implements Serializable {

    /** The field names, as errors and forms use them. */
    public static final String NAME = "name";
    public static final String DISPLAY_NAME = "displayName";
    public static final String DESCRIPTION = "description";
    public static final String SPEED = "speed";
    public static final String COUNTRY = "countryCode";
    public static final String CONTENT = "content";
    public static final String HTTP = "httpBaseUrl";
    public static final String HTTPS = "httpsBaseUrl";
    public static final String FTP = "ftpBaseUrl";
    public static final String RSYNC = "rsyncBaseUrl";

    /** The longest texts the registry keeps, as its columns allow. */
    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;

    /** The seed's way of registering a mirror: the required fields and an HTTP URL. */
    public static MirrorForm of(String name, MirrorSpeed speed, String countryCode, MirrorContent content,
            MirrorPulseType pulseType, String httpBaseUrl) {
        return new MirrorForm(name, null, null, speed, countryCode, content, pulseType, httpBaseUrl, null, null, null,
                false);
    }

    /**
     * Checks every rule and returns the registration, or throws one {@link InvalidInputException} that
     * lists each broken rule with its field.
     *
     * @param country the country {@link #countryCode()} names, or null when it names none
     */
    public MirrorRegistration validate(Country country) {
        FieldErrors errors = new FieldErrors();
        MirrorName validName = errors.parse(NAME, () -> new MirrorName(name));
        String validDisplayName = errors.text(DISPLAY_NAME, displayName, MAX_DISPLAY_NAME, PlainText.Lines.ONE);
        String validDescription = errors.text(DESCRIPTION, description, MAX_DESCRIPTION, PlainText.Lines.MANY);
        errors.require(SPEED, speed, "Choose the speed of the mirror's connection.");
        errors.require(CONTENT, content, "Choose what the mirror carries: the package archive or the release images.");
        if (country == null) {
            errors.add(COUNTRY, countryCode == null || countryCode.isBlank() ? "Choose the country the mirror is in."
                    : "\"" + countryCode.strip() + "\" is not a country code we know. Choose the country from the list.");
        }
        MirrorUrl http = errors.parse(HTTP, () -> MirrorUrl.optional(UrlScheme.HTTP, httpBaseUrl));
        MirrorUrl https = errors.parse(HTTPS, () -> MirrorUrl.optional(UrlScheme.HTTPS, httpsBaseUrl));
        MirrorUrl ftp = errors.parse(FTP, () -> MirrorUrl.optional(UrlScheme.FTP, ftpBaseUrl));
        MirrorUrl rsync = errors.parse(RSYNC, () -> MirrorUrl.optional(UrlScheme.RSYNC, rsyncBaseUrl));
        boolean urlsParsed = (http != null || blank(httpBaseUrl)) && (https != null || blank(httpsBaseUrl))
                && (ftp != null || blank(ftpBaseUrl)) && (rsync != null || blank(rsyncBaseUrl));
        MirrorUrls urls = urlsParsed ? errors.parse(HTTP, () -> new MirrorUrls(http, https, ftp, rsync)) : null;
        errors.throwIfAny();
        return new MirrorRegistration(validName, validDisplayName, validDescription, speed, country, content,
                pulseType == null ? MirrorPulseType.PULL : pulseType, urls, officialCandidate);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
