package org.mirrorwatch.registry.entity;

import java.time.Duration;

/**
 * What a probe found of a mirror's HTTPS, checked against the prober's trust store with the host name of
 * the mirror's HTTPS URL. Only {@link #VALID} and {@link #EXPIRING} certificates work for clients.
 */
public enum TlsState {
    /** Valid: trusted, for this host name, and not expiring within 21 days. */
    VALID("Valid"),
    /** Valid, but it expires within 21 days. */
    EXPIRING("Expiring soon"),
    /** Expired. */
    EXPIRED("Expired"),
    /** Trusted, but made out for another host name. */
    NAME_MISMATCH("For another host name"),
    /** Not signed by an authority the prober trusts (self-signed, or an unknown issuer). */
    UNTRUSTED("Not trusted"),
    /** No TLS handshake: the HTTPS port refused, did not answer in time, or failed before any certificate. */
    NO_HANDSHAKE("No TLS handshake");

    /** A valid certificate with less than this left is {@link #EXPIRING}. */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(21);

    private final String title;

    TlsState(String title) {
        this.title = title;
    }

    /** The state in words, for pages. */
    public String title() {
        return title;
    }

    /** Whether HTTPS clients can use the mirror: it may stay in client lists and redirects with its HTTPS URL. */
    public boolean worksForClients() {
        return this == VALID || this == EXPIRING;
    }
}
