package org.mirrorwatch.probing.http;

import java.util.concurrent.CompletableFuture;

/** Asks whether a file is there. The prober's only need of the network, so that it can be tested without one. */
@FunctionalInterface
public interface HeadClient {

    /** HEAD on the URL, following the allowed redirects. Never fails exceptionally. */
    CompletableFuture<HeadResult> head(String url);
}
