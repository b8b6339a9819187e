package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.UrlScheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.InvalidValueException;

class MirrorUrlsTest {

    private static final MirrorUrl HTTP = MirrorUrl.of(UrlScheme.HTTP, "http://m.example.org/u/");
    private static final MirrorUrl HTTPS = MirrorUrl.of(UrlScheme.HTTPS, "https://m.example.org/u/");
    private static final MirrorUrl FTP = MirrorUrl.of(UrlScheme.FTP, "ftp://m.example.org/u/");
    private static final MirrorUrl RSYNC = MirrorUrl.of(UrlScheme.RSYNC, "rsync://m.example.org/u/");

    @Test
    void aMirrorNeedsAnHttpHttpsOrFtpUrl() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new MirrorUrls(null, null, null, RSYNC));
        assertEquals("A mirror needs an HTTP, HTTPS or FTP URL, so that machines can download from it,"
                + " e.g. http://mirror.example.org/ubuntu/.", e.getMessage());
        assertThrows(InvalidValueException.class, () -> new MirrorUrls(null, null, null, null));
    }

    @Test
    void download_prefersHttpsThenHttpThenFtp() {
        assertEquals(HTTPS, new MirrorUrls(HTTP, HTTPS, FTP, RSYNC).download());
        assertEquals(HTTP, new MirrorUrls(HTTP, null, FTP, RSYNC).download());
        assertEquals(FTP, new MirrorUrls(null, null, FTP, RSYNC).download());
        assertEquals(Optional.empty(), new MirrorUrls(null, null, FTP, null).web());
    }

    @Test
    void eachFieldTakesOnlyItsScheme() {
        assertThrows(IllegalArgumentException.class, () -> new MirrorUrls(HTTPS, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new MirrorUrls(null, null, HTTP, null));
    }
}
