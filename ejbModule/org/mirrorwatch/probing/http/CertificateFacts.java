package org.mirrorwatch.probing.http;

import java.time.Instant;

/**
 * What a handshake showed of a server's certificate, judged against the prober's trust store and the
 * host name the prober asked for. Plain values, for the control layer to name the mirror's state.
 *
 * @param notAfter    the earliest expiry of the certificates the server sent (its leaf and intermediates)
 * @param issuer      the leaf's issuer, as an RFC 2253 name
 * @param protocol    the handshake's protocol, e.g. TLSv1.3
 * @param fingerprint the SHA-256 of the leaf, in lower-case hex
 */
public record CertificateFacts(Verdict verdict, Instant notAfter, String issuer, String protocol,
        String fingerprint) {

    /** How the chain was judged, in the order it is checked. */
    public enum Verdict {
        /** Trusted, in date, for the host. */
        TRUSTED,
        /** Chains to a trusted authority, but a certificate in it has expired. */
        EXPIRED,
        /** Does not chain to a trusted authority. */
        UNTRUSTED,
        /** Trusted and in date, but for another host name. */
        NAME_MISMATCH
    }
}
