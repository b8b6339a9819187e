package org.mirrorwatch.registry.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A mail about a mirror's certificate. Each is sent once per certificate (by its fingerprint): the
 * expiry warnings at 21, 7 and 1 days before, the expiry itself, and a certificate that clients refuse
 * for another reason. A mirror first seen late gets only the most urgent warning it has reached.
 */
public enum TlsNotice {
    /** The certificate expires within 21 days. */
    EXPIRES_WITHIN_21_DAYS(Duration.ofDays(21)),
    /** The certificate expires within 7 days. */
    EXPIRES_WITHIN_7_DAYS(Duration.ofDays(7)),
    /** The certificate expires within a day. */
    EXPIRES_WITHIN_1_DAY(Duration.ofDays(1)),
    /** The certificate has expired. */
    EXPIRED(Duration.ZERO),
    /** The certificate is made out for another host name. */
    NAME_MISMATCH(null),
    /** The certificate is not signed by a trusted authority. */
    UNTRUSTED(null);

    private final Duration before;

    TlsNotice(Duration before) {
        this.before = before;
    }

    /** The notice a probe's finding calls for at {@code now}, if any; whether it was sent already is not its concern. */
    public static Optional<TlsNotice> dueFor(TlsCertificate certificate, Instant now) {
        return switch (certificate.getState()) {
            case NAME_MISMATCH -> Optional.of(NAME_MISMATCH);
            case UNTRUSTED -> Optional.of(UNTRUSTED);
            case EXPIRED -> Optional.of(EXPIRED);
            case NO_HANDSHAKE -> Optional.empty();
            case VALID, EXPIRING -> warningFor(Duration.between(now, certificate.getNotAfter().orElseThrow()));
        };
    }

    private static Optional<TlsNotice> warningFor(Duration left) {
        if (left.compareTo(EXPIRES_WITHIN_1_DAY.before) <= 0) {
            return Optional.of(EXPIRES_WITHIN_1_DAY);
        }
        if (left.compareTo(EXPIRES_WITHIN_7_DAYS.before) <= 0) {
            return Optional.of(EXPIRES_WITHIN_7_DAYS);
        }
        // The same bound as TlsState.EXPIRING, so every expiring certificate has had its first warning.
        if (left.compareTo(EXPIRES_WITHIN_21_DAYS.before) < 0) {
            return Optional.of(EXPIRES_WITHIN_21_DAYS);
        }
        return Optional.empty();
    }
}
