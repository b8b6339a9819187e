package org.mirrorwatch.registry.boundary;

import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * Filters of the mirror list; a null filter does not filter. {@code nameContains} matches part of the
 * name, case-insensitively.
 */
public record MirrorQuery(String distribution, String country, MirrorContent content, Boolean enabled,
        Boolean official, MirrorStatus freshness, MirrorSpeed speed, String owner, String nameContains) {
}
