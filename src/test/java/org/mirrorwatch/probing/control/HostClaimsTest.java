package org.mirrorwatch.probing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostClaimsTest {

    @Test
    void hostOf_isHostAndPort_asTheSchedulerCountsThem_withTheSchemesPortWhenNoneIsNamed() {
        assertEquals("mirror.example.org:80", HostClaims.hostOf("http://Mirror.Example.ORG/ubuntu/"));
        assertEquals("mirror.example.org:443", HostClaims.hostOf("https://mirror.example.org/ubuntu/"));
        assertEquals("mirror.example.org:21", HostClaims.hostOf("ftp://mirror.example.org/ubuntu/"));
        assertEquals("127.0.100.7:8081", HostClaims.hostOf("http://127.0.100.7:8081/a/"));
    }

    @Test
    void byHost_putsAllOfAHostsMirrorsInOneClaim_inTheOrderTheyCame() {
        Map<Long, String> mirrors = new LinkedHashMap<>();
        mirrors.put(3L, "http://b.example/ubuntu/");
        mirrors.put(1L, "http://a.example/ubuntu/");
        mirrors.put(2L, "http://b.example/debian/");
        mirrors.put(4L, "https://b.example/ubuntu/");
        mirrors.put(5L, "http://B.example:80/mint/");

        Map<String, List<Long>> claims = HostClaims.byHost(mirrors);

        assertEquals(List.of("b.example:80", "a.example:80", "b.example:443"), List.copyOf(claims.keySet()));
        assertEquals(List.of(3L, 2L, 5L), claims.get("b.example:80"));
        assertEquals(List.of(1L), claims.get("a.example:80"));
        assertEquals(List.of(4L), claims.get("b.example:443"));
    }

    @Test
    void byHost_ofNoMirrors_isNoClaim() {
        assertEquals(Map.of(), HostClaims.byHost(Map.of()));
    }

    @Test
    void capacity_isTwiceTheHostsThatFillTheOverallLimit() {
        assertEquals(100, HostClaims.capacity(2, 100));
        assertEquals(6, HostClaims.capacity(2, 5));
        assertEquals(2, HostClaims.capacity(4, 4));
        assertEquals(10, HostClaims.capacity(1, 5));
    }

    @Test
    void capacity_refusesLimitsTheSettingsWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> HostClaims.capacity(0, 5));
        assertThrows(IllegalArgumentException.class, () -> HostClaims.capacity(3, 2));
    }
}
