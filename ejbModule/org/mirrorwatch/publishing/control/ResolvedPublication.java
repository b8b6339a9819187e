package org.mirrorwatch.publishing.control;

import java.time.Instant;
import java.util.List;
import org.mirrorwatch.publishing.entity.PackageFileType;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * A checked publication with its names resolved to ids: {@code targetId} is the series for a source, the
 * architecture series for a binary.
 */
public record ResolvedPublication(PublicationKind kind, String name, String version, String sourceName,
        long targetId, PackagePublishingPocket pocket, long componentId, PackagePublishingStatus status,
        Instant datePublished, List<File> files) {

    /** A file with its checked type. */
    public record File(String filename, PackageFileType type) {
    }

    /** The key the import is idempotent on. */
    public String key() {
        return kind + "/" + targetId + "/" + pocket + "/" + componentId + "/" + name + "/" + version;
    }
}
