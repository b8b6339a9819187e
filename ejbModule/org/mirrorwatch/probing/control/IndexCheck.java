package org.mirrorwatch.probing.control;

import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * One index file a mirror should carry, and the URLs that tell how fresh its content is: Launchpad's
 * {@code getURLsToCheckUpdateness} map and the newest publication's URL, all on this mirror.
 *
 * @param description e.g. "warty i386 RELEASE main", for the log
 */
public record IndexCheck(PublicationKind kind, long targetId, PackagePublishingPocket pocket, long componentId,
        String description, String indexUrl, Map<MirrorStatus, String> freshnessUrls, Optional<String> newestUrl) {

    /** The content record's class name, as the log names it. */
    public String recordClass() {
        return kind == PublicationKind.BINARY ? "MirrorDistroArchRelease" : "MirrorDistroReleaseSource";
    }
}
