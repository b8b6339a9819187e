package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.PackagePublishingPocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumsTest {

    @Test
    void mirrorSpeed_isLaunchpadsList_withTitles() {
        assertEquals(List.of("S128K", "S256K", "S512K", "S1M", "S2M", "S10M", "S45M", "S100M", "S1G", "S2G", "S4G",
                "S10G", "S20G", "S50G", "S100G"), Arrays.stream(MirrorSpeed.values()).map(Enum::name).toList());
        assertEquals("128 Kbps", MirrorSpeed.S128K.title());
        assertEquals("2 Mbps", MirrorSpeed.S2M.title());
        assertEquals("100 Gbps", MirrorSpeed.S100G.title());
        assertEquals(2_000, MirrorSpeed.S2M.kilobitsPerSecond());
    }

    @Test
    void mirrorStatus_thresholdsAreLaunchpadsStatusTimes() {
        assertEquals(Duration.ofMinutes(30), MirrorStatus.UP.threshold());
        assertEquals(Duration.ofMinutes(90), MirrorStatus.ONEHOURBEHIND.threshold());
        assertEquals(Duration.ofMinutes(150), MirrorStatus.TWOHOURSBEHIND.threshold());
        assertEquals(Duration.ofMinutes(390), MirrorStatus.SIXHOURSBEHIND.threshold());
        assertEquals(Duration.ofMinutes(1470), MirrorStatus.ONEDAYBEHIND.threshold());
        assertEquals(Duration.ofMinutes(2910), MirrorStatus.TWODAYSBEHIND.threshold());
        assertEquals(Duration.ofMinutes(10110), MirrorStatus.ONEWEEKBEHIND.threshold());
        assertThrows(IllegalStateException.class, MirrorStatus.UNKNOWN::threshold);
        assertTrue(MirrorStatus.ONEWEEKBEHIND.isStalerThan(MirrorStatus.UP));
        assertEquals(7, MirrorStatus.known().size());
    }

    @Test
    void pockets_iterateInTheSeedsOrder_withTheirSuffixes() {
        assertEquals(List.of("", "-backports", "-security", "-updates", "-proposed"),
                Arrays.stream(PackagePublishingPocket.values()).map(PackagePublishingPocket::suffix).toList());
    }
}
