package org.mirrorwatch.probing.http;

import java.util.concurrent.CompletableFuture;
import org.mirrorwatch.platform.AddressFamily;

/** Asks whether a file is there over one address family, for the family checks; fakeable like {@link HeadClient}. */
@FunctionalInterface
public interface PinnedHeadClient {

    /**
     * HEAD on the URL, connecting only to one address of this family (and so on each redirect hop). A host
     * without an address of the family fails it with {@link ProbeFailure.NoAddressOfFamily}. Never fails
     * exceptionally.
     */
    CompletableFuture<HeadResult> headOver(String url, AddressFamily family);
}
