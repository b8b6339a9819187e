package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.MirrorUrl;

/** One mirror in the freshness feed: where it is, and how fresh its last probe found it. */
public record FreshnessFeedEntry(String name, String distribution, MirrorContent content, String country,
        MirrorUrl baseUrl, boolean official, MirrorStatus freshness, Instant lastProbed) {
}
