package org.mirrorwatch.probing.http;

import java.util.concurrent.CompletableFuture;

/** Fetches a small file whole, under the same limits as a HEAD; for the prober, testable without a network. */
@FunctionalInterface
public interface GetClient {

    /**
     * GET on the URL, following the allowed redirects, reading at most {@code maxBytes} of body: a
     * {@link HeadResult.Fetched} on a 200, a {@link HeadResult.Failed} otherwise (a longer body is
     * {@link ProbeFailure.BodyTooLarge}). Never fails exceptionally.
     */
    CompletableFuture<HeadResult> get(String url, int maxBytes);
}
