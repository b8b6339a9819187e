package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import java.util.List;
import org.mirrorwatch.registry.entity.FamilyState;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.TlsState;
import org.mirrorwatch.reference.entity.MirrorUrl;

/**
 * One mirror in the freshness feed: where it is, how fresh its last probe found it, and what it found of
 * its HTTPS certificate (null without an HTTPS URL or before it was checked; the expiry also null when no
 * handshake completed), on each address family (null before a probe checked them), of its trace file (its
 * age at that probe, null without a readable trace; whether it disagrees with the pool files' freshness, a
 * partial sync; whether a sync was running), and the suites it serves inconsistently (by name; empty when
 * none).
 */
public record FreshnessFeedEntry(String name, String distribution, MirrorContent content, String country,
        MirrorUrl baseUrl, boolean official, MirrorStatus freshness, Instant lastProbed, TlsState tlsState,
        Instant tlsNotAfter, FamilyState ipv4, FamilyState ipv6, Long traceAgeSeconds, boolean partialSync,
        boolean syncing, List<String> inconsistentSuites) {
}
