package org.mirrorwatch.probing.http;

/** How the TLS check of an HTTPS host ended: a certificate was seen and judged, or no handshake was reached. */
public sealed interface HttpsHandshake {

    /** The server sent a certificate; whether it was accepted is the facts' verdict. */
    record Completed(CertificateFacts certificate) implements HttpsHandshake {
    }

    /** No certificate was seen: the connection failed first, with this reason. */
    record NotCompleted(String reason) implements HttpsHandshake {
    }
}
