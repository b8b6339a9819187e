package org.mirrorwatch.probing.http;

import java.util.concurrent.CompletableFuture;

/** Reads a small file, such as a mirror's trace, under the same limits, deadline and guard as a HEAD. */
@FunctionalInterface
public interface BodyClient {

    /** GET on the URL, following the allowed redirects, reading at most {@code maxBytes}. Never fails exceptionally. */
    CompletableFuture<GetResult> get(String url, int maxBytes);
}
