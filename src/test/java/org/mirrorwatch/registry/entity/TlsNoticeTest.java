package org.mirrorwatch.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which state a certificate is in, and which notice it calls for, by how long it has left. */
class TlsNoticeTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final String FINGERPRINT = "0f".repeat(32);

    @Test
    void aTrustedCertificate_isValid_expiringUnder21Days_expiredAtItsEnd() {
        assertEquals(TlsState.VALID, TlsCertificate.stateOfTrusted(NOW.plus(Duration.ofDays(21)), NOW));
        assertEquals(TlsState.EXPIRING, TlsCertificate.stateOfTrusted(NOW.plus(Duration.ofDays(21)).minusSeconds(1), NOW));
        assertEquals(TlsState.EXPIRING, TlsCertificate.stateOfTrusted(NOW.plusSeconds(1), NOW));
        assertEquals(TlsState.EXPIRED, TlsCertificate.stateOfTrusted(NOW, NOW));
    }

    @Test
    void theWarnings_comeAt21_7_and1DaysLeft_theMostUrgentReached() {
        assertEquals(Optional.empty(), due(TlsState.VALID, Duration.ofDays(40)));
        assertEquals(Optional.of(TlsNotice.EXPIRES_WITHIN_21_DAYS), due(TlsState.EXPIRING, Duration.ofDays(20)));
        assertEquals(Optional.of(TlsNotice.EXPIRES_WITHIN_7_DAYS), due(TlsState.EXPIRING, Duration.ofDays(7)));
        assertEquals(Optional.of(TlsNotice.EXPIRES_WITHIN_7_DAYS), due(TlsState.EXPIRING, Duration.ofDays(5)));
        assertEquals(Optional.of(TlsNotice.EXPIRES_WITHIN_1_DAY), due(TlsState.EXPIRING, Duration.ofHours(12)));
    }

    @Test
    void aBrokenCertificate_callsForItsOwnNotice_andNoHandshakeForNone() {
        assertEquals(Optional.of(TlsNotice.EXPIRED), due(TlsState.EXPIRED, Duration.ofDays(-1)));
        assertEquals(Optional.of(TlsNotice.NAME_MISMATCH), due(TlsState.NAME_MISMATCH, Duration.ofDays(2)));
        assertEquals(Optional.of(TlsNotice.UNTRUSTED), due(TlsState.UNTRUSTED, Duration.ofDays(90)));
        assertEquals(Optional.empty(), TlsNotice.dueFor(TlsCertificate.noHandshake(), NOW));
    }

    @Test
    void onlyValidAndExpiring_workForClients() {
        assertTrue(TlsState.VALID.worksForClients());
        assertTrue(TlsState.EXPIRING.worksForClients());
        for (TlsState broken : new TlsState[] {TlsState.EXPIRED, TlsState.NAME_MISMATCH, TlsState.UNTRUSTED,
                TlsState.NO_HANDSHAKE}) {
            assertFalse(broken.worksForClients(), broken.name());
        }
    }

    @Test
    void aCertificate_checksItself_andBoundsWhatTheMirrorSent() {
        assertThrows(IllegalArgumentException.class, () -> new TlsCertificate(TlsState.VALID, NOW, "CN=x", "TLSv1.3",
                "not hex"));
        assertThrows(IllegalArgumentException.class, () -> new TlsCertificate(TlsState.NO_HANDSHAKE, NOW, "CN=x",
                "TLSv1.3", FINGERPRINT));
        TlsCertificate long_ = new TlsCertificate(TlsState.VALID, NOW, "CN=" + "x".repeat(400) + "\n", "TLSv1.3",
                FINGERPRINT);
        assertEquals(TlsCertificate.ISSUER_LENGTH, long_.getIssuer().orElseThrow().length());
        assertEquals(Optional.of(4L), new TlsCertificate(TlsState.EXPIRING, NOW.plus(Duration.ofHours(119)), "CN=x",
                "TLSv1.3", FINGERPRINT).daysLeft(NOW));
    }

    private static Optional<TlsNotice> due(TlsState state, Duration left) {
        return TlsNotice.dueFor(new TlsCertificate(state, NOW.plus(left), "CN=Test CA", "TLSv1.3", FINGERPRINT), NOW);
    }
}
