package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * The Sources.gz index a mirror carries when it mirrors sources of one (release, pocket, component),
 * e.g. {@code dists/hoary/main/source/Sources.gz}.
 */
public record SourcesIndexPath(DistroRelease release, PackagePublishingPocket pocket, Component component,
        String path) {

    static SourcesIndexPath of(DistroRelease release, PackagePublishingPocket pocket, Component component) {
        String path = "dists/" + release.suiteName(pocket) + "/" + component.getName() + "/source/Sources.gz";
        return new SourcesIndexPath(release, pocket, component, path);
    }
}
