package org.mirrorwatch.registry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.reference.entity.Continent;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorSpeed;

class MirrorFormTest {

    private static final Country BRAZIL = new Country("BR", "BRA", "Brazil", Continent.SOUTH_AMERICA);

    private static MirrorForm form(String name, MirrorSpeed speed, String country, MirrorContent content,
            String http, String https, String ftp, String rsync) {
        return new MirrorForm(name, "Foo", "A mirror", speed, country, content, null, http, https, ftp, rsync, true);
    }

    private static List<String> fieldsOf(InvalidInputException e) {
        return e.getErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void validate_returnsTheRegistration_withUrlsNormalized_andPullByDefault() {
        MirrorRegistration registration = form("foobarmirror", MirrorSpeed.S2M, "br", MirrorContent.ARCHIVE,
                "http://foo.bar.com/pub", " ", "ftp://foo.bar.com/pub", null).validate(BRAZIL);

        assertEquals("foobarmirror", registration.name().value());
        assertEquals("http://foo.bar.com/pub/", registration.urls().http().value());
        assertEquals(null, registration.urls().https());
        assertEquals("ftp://foo.bar.com/pub/", registration.urls().ftp().value());
        assertEquals(MirrorPulseType.PULL, registration.pulseType());
        assertEquals(BRAZIL, registration.country());
    }

    @Test
    void validate_reportsEveryBrokenRuleAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> form("Bad Name", null, "", null, "https://wrong-scheme/", "http://wrong/", "ftp://u:p@h/",
                        "rsync://h/?q").validate(null));

        assertEquals(List.of("name", "speed", "content", "countryCode", "httpBaseUrl", "httpsBaseUrl", "ftpBaseUrl",
                "rsyncBaseUrl"), fieldsOf(e));
    }

    @Test
    void validate_requiresSpeedCountryAndContent() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> form("m1", null, null, null, "http://m1/", null, null, null).validate(null));

        assertEquals(List.of(
                new FieldError("speed", "Choose the speed of the mirror's connection."),
                new FieldError("content", "Choose what the mirror carries: the package archive or the release images."),
                new FieldError("countryCode", "Choose the country the mirror is in.")), e.getErrors());
    }

    @Test
    void validate_namesAnUnknownCountryCode() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> form("m1", MirrorSpeed.S1M, "XX", MirrorContent.ARCHIVE, "http://m1/", null, null, null)
                        .validate(null));

        assertEquals(List.of(new FieldError("countryCode",
                "\"XX\" is not a country code we know. Choose the country from the list.")), e.getErrors());
    }

    @Test
    void validate_needsAnHttpHttpsOrFtpUrl() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> form("m1", MirrorSpeed.S1M, "BR", MirrorContent.ARCHIVE, null, "", null, "rsync://m1/u")
                        .validate(BRAZIL));

        assertEquals(List.of("httpBaseUrl"), fieldsOf(e));
        assertEquals("A mirror needs an HTTP, HTTPS or FTP URL, so that machines can download from it,"
                + " e.g. http://mirror.example.org/ubuntu/.", e.getErrors().get(0).message());
    }

    @Test
    void validate_doesNotAddTheMissingUrlRuleOnTopOfABadUrl() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> form("m1", MirrorSpeed.S1M, "BR", MirrorContent.ARCHIVE, "not a url", null, null, null)
                        .validate(BRAZIL));

        assertEquals(List.of("httpBaseUrl"), fieldsOf(e));
    }
}
