package org.mirrorwatch.publishing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.DistroReleaseStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

class PublicationTest {

    private final Component main = new Component("main");
    private final DistroRelease warty = new DistroRelease(new Distribution("ubuntu", "Ubuntu", "a", "r"), "warty",
            "4.10", DistroReleaseStatus.CURRENT, List.of(main));
    private final DistroArchRelease wartyI386 = new DistroArchRelease(warty, "i386", true);

    private BinaryPackagePublication binary(String source, PackageFile... files) {
        return new BinaryPackagePublication(wartyI386, PackagePublishingPocket.RELEASE, main, "b", "1", source,
                PackagePublishingStatus.PUBLISHED, Instant.EPOCH, List.of(files));
    }

    @Test
    void binaries_checkTheirDeb_inTheirSourcesPoolDirectory() {
        assertEquals(Optional.of("pool/main/p/pmount/pmount_1.9-1_all.deb"),
                binary("pmount", new PackageFile("pmount_1.9-1_all.deb", PackageFileType.DEB)).checkedPoolPath());
    }

    @Test
    void binaries_withOnlyAUdeb_haveNothingToCheck() {
        assertEquals(Optional.empty(),
                binary("cdrkit", new PackageFile("cdrkit-udeb_0.1-1_i386.udeb", PackageFileType.UDEB))
                        .checkedPoolPath());
    }

    @Test
    void sources_checkTheirDsc() {
        SourcePackagePublication source = new SourcePackagePublication(warty, PackagePublishingPocket.RELEASE, main,
                "libcairo", "1.0-1", PackagePublishingStatus.PUBLISHED, Instant.EPOCH,
                List.of(new PackageFile("libcairo_1.0-1.dsc", PackageFileType.DSC)));

        assertEquals(Optional.of("pool/main/libc/libcairo/libcairo_1.0-1.dsc"), source.checkedPoolPath());
    }

    @Test
    void fileTypes_haveLaunchpadsTitles() {
        assertEquals("DEB Format", PackageFileType.DEB.title());
        assertEquals("UDEB Format", PackageFileType.UDEB.title());
        assertEquals("DSC File", PackageFileType.DSC.title());
    }
}
