package org.mirrorwatch.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.AddressFamily;

/** A probe's finding per address family checks itself: degraded means published but unreachable. */
class FamilyReachabilityTest {

    @Test
    void anUnreachableFamily_isDegraded_andKeepsItsReasonCutToFit() {
        FamilyReachability found = new FamilyReachability(FamilyState.REACHABLE, "ignored", FamilyState.UNREACHABLE,
                "x".repeat(300) + "\n");
        assertTrue(found.isDegraded());
        assertTrue(found.degradedOn(AddressFamily.IPV6));
        assertFalse(found.degradedOn(AddressFamily.IPV4));
        assertEquals(Optional.empty(), found.failure(AddressFamily.IPV4), "only an unreachable family has a reason");
        assertEquals(FamilyReachability.REASON_LENGTH, found.failure(AddressFamily.IPV6).orElseThrow().length());
        assertTrue(found.answeredOn(AddressFamily.IPV4));
        assertFalse(found.answeredOn(AddressFamily.IPV6));
    }

    @Test
    void aFamilyNotPublished_isNotDegraded() {
        FamilyReachability ipv4Only = new FamilyReachability(FamilyState.REACHABLE, null, FamilyState.NOT_PUBLISHED, null);
        assertFalse(ipv4Only.isDegraded());
        assertEquals("IPv4 REACHABLE, IPv6 NOT_PUBLISHED", ipv4Only.describe());
    }

    @Test
    void anUnreachableFamilyWithoutAReason_orNoFamilyAtAll_isRefused() {
        assertThrows(NullPointerException.class,
                () -> new FamilyReachability(FamilyState.REACHABLE, null, FamilyState.UNREACHABLE, null));
        assertThrows(IllegalArgumentException.class,
                () -> new FamilyReachability(FamilyState.NOT_PUBLISHED, null, FamilyState.NOT_PUBLISHED, null));
    }

    @Test
    void aCopy_isEqual_butNotTheSameInstance() {
        FamilyReachability found = new FamilyReachability(FamilyState.UNREACHABLE, "connection refused",
                FamilyState.REACHABLE, null);
        assertEquals(found, found.copy());
        assertFalse(found == found.copy());
    }
}
