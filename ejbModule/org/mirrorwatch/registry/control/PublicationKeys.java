package org.mirrorwatch.registry.control;

import org.mirrorwatch.publishing.entity.PublicationKey;
import org.mirrorwatch.publishing.entity.PublicationKind;
import org.mirrorwatch.registry.entity.MirrorContentRecord;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;

/** Which part of the publication history a mirror's content record is measured against. */
public final class PublicationKeys {

    private PublicationKeys() {
    }

    public static PublicationKey of(MirrorContentRecord record) {
        if (record instanceof MirrorDistroArchRelease archRecord) {
            return new PublicationKey(PublicationKind.BINARY, archRecord.getDistroArchRelease().getId(),
                    record.getPocket(), record.getComponent().getId());
        }
        return new PublicationKey(PublicationKind.SOURCE, record.getDistroRelease().getId(), record.getPocket(),
                record.getComponent().getId());
    }
}
