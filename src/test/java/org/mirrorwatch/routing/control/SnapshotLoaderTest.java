package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.UrlScheme;
import org.mirrorwatch.registry.entity.TlsState;

/** Which of a mirror's URLs clients are given, by what its newest probe found of its HTTPS. */
class SnapshotLoaderTest {

    private static final MirrorUrl HTTP = MirrorUrl.of(UrlScheme.HTTP, "http://m.example.org/ubuntu/");
    private static final MirrorUrl HTTPS = MirrorUrl.of(UrlScheme.HTTPS, "https://m.example.org/ubuntu/");

    @Test
    void workingHttps_orHttpsNotCheckedYet_isHandedOut() {
        assertEquals(Optional.of(HTTPS), SnapshotLoader.webUrl(HTTP, HTTPS, TlsState.VALID));
        assertEquals(Optional.of(HTTPS), SnapshotLoader.webUrl(HTTP, HTTPS, TlsState.EXPIRING));
        assertEquals(Optional.of(HTTPS), SnapshotLoader.webUrl(null, HTTPS, null));
    }

    @Test
    void brokenHttps_givesWayToHttp_orTheMirrorToOthers() {
        for (TlsState broken : new TlsState[] {TlsState.EXPIRED, TlsState.NAME_MISMATCH, TlsState.UNTRUSTED,
                TlsState.NO_HANDSHAKE}) {
            assertEquals(Optional.of(HTTP), SnapshotLoader.webUrl(HTTP, HTTPS, broken), broken.name());
            assertEquals(Optional.empty(), SnapshotLoader.webUrl(null, HTTPS, broken), broken.name());
        }
        assertEquals(Optional.of(HTTP), SnapshotLoader.webUrl(HTTP, null, null));
    }

    @Test
    void inconsistentSuite_isNotCarried_norItsIndexes_butOtherSuitesAre() {
        Set<String> carried = new HashSet<>(Set.of("hoary", "hoary/main/binary-i386", "hoary/main/source",
                "hoary-security", "hoary-security/main/binary-i386", "warty"));
        SnapshotLoader.dropSuites(carried, Set.of("hoary", "warty-updates"));
        assertEquals(Set.of("hoary-security", "hoary-security/main/binary-i386", "warty"), carried);
    }
}
