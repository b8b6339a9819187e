package org.mirrorwatch.probing.http;

import java.util.concurrent.CompletableFuture;

/** Checks the TLS of an HTTPS URL's host and port. Kept apart from {@link HeadClient} so each can be faked alone. */
@FunctionalInterface
public interface HttpsChecker {

    /** One handshake with the URL's host; never fails exceptionally. */
    CompletableFuture<HttpsHandshake> handshake(String httpsUrl);
}
