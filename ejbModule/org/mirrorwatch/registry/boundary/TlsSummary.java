package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import org.mirrorwatch.registry.entity.TlsCertificate;
import org.mirrorwatch.registry.entity.TlsState;

/**
 * What the newest probe found of a mirror's HTTPS certificate, as pages and the API show it. The
 * certificate's fields are null when no handshake completed.
 *
 * @param notAfter the earliest expiry of the chain the server sent
 * @param worksForClients whether the HTTPS URL is handed to clients
 */
public record TlsSummary(TlsState state, Instant notAfter, String issuer, String protocol, boolean worksForClients) {

    static TlsSummary of(TlsCertificate certificate) {
        return new TlsSummary(certificate.getState(), certificate.getNotAfter().orElse(null),
                certificate.getIssuer().orElse(null), certificate.getProtocol().orElse(null),
                certificate.getState().worksForClients());
    }
}
