package org.mirrorwatch.publishing.entity;

/** The kind of a pool file, with Launchpad's titles. */
public enum PackageFileType {
    /** A Debian source control file; the prober checks these for sources. */
    DSC("DSC File"),
    /** A Debian binary package; the prober checks these for binaries. */
    DEB("DEB Format"),
    /** A micro package for the installer; never checked, mirrors may leave them out. */
    UDEB("UDEB Format");

    private final String title;

    PackageFileType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
