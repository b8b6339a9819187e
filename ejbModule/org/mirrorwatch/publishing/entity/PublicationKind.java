package org.mirrorwatch.publishing.entity;

/** Whether a publication is of sources, published into a series, or of binaries, into an architecture series. */
public enum PublicationKind {
    /** Sources; the target is a series, and the checked file is the .dsc. */
    SOURCE(PackageFileType.DSC),
    /** Binaries; the target is an architecture series, and the checked file is the .deb. */
    BINARY(PackageFileType.DEB);

    private final PackageFileType checkedFileType;

    PublicationKind(PackageFileType checkedFileType) {
        this.checkedFileType = checkedFileType;
    }

    /** The one file type whose presence on a mirror shows that the publication was synced. */
    public PackageFileType checkedFileType() {
        return checkedFileType;
    }
}
