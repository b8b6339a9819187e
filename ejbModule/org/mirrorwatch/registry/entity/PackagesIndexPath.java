package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * The Packages.gz index a mirror carries when it mirrors binaries of one (arch release, pocket,
 * component), e.g. {@code dists/hoary-security/main/binary-i386/Packages.gz}.
 */
public record PackagesIndexPath(DistroArchRelease archRelease, PackagePublishingPocket pocket, Component component,
        String path) {

    static PackagesIndexPath of(DistroArchRelease archRelease, PackagePublishingPocket pocket, Component component) {
        String path = "dists/" + archRelease.getDistroRelease().suiteName(pocket) + "/" + component.getName()
                + "/binary-" + archRelease.getArchitectureTag() + "/Packages.gz";
        return new PackagesIndexPath(archRelease, pocket, component, path);
    }
}
