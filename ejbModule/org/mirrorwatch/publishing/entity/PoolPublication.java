package org.mirrorwatch.publishing.entity;

import java.time.Instant;
import java.util.Optional;

/** A publication as the freshness rule sees it, whether of sources or of binaries. */
public interface PoolPublication {

    /** The database id; later ids win ties between publications of the same date. */
    Long getId();

    PublicationKey key();

    PackagePublishingStatus getStatus();

    /** When the archive published it; empty while pending. */
    Optional<Instant> getDatePublished();

    /**
     * The pool path of the file a mirror must have for this publication to count as synced: the .dsc of
     * sources or the .deb of binaries. Empty when there is none, as for a publication of only a .udeb.
     */
    Optional<String> checkedPoolPath();
}
