package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.registry.entity.FamilyState;

/** A family counts for routing only when the mirror answered on it; a mirror not checked yet serves all. */
class AddressFamiliesTest {

    @Test
    void aHostWrittenAsAnAddress_hasItsFamily_aName_isUnknownUntilProbed() {
        assertEquals(AddressFamilies.IPV4_ONLY, AddressFamilies.ofHost("80.156.86.78"));
        assertEquals(AddressFamilies.IPV6_ONLY, AddressFamilies.ofHost("[2003:de:2016::1]"));
        assertEquals(AddressFamilies.UNKNOWN, AddressFamilies.ofHost("mirror.example.org"));
    }

    @ParameterizedTest(name = "IPv4 {0}, IPv6 {1}: {2}, to IPv4 clients {3}, to IPv6 clients {4}")
    @CsvSource(nullValues = "-", value = {
        "REACHABLE,     REACHABLE,     BOTH,      true,  true",
        "REACHABLE,     UNREACHABLE,   IPV4_ONLY, true,  false",
        "REACHABLE,     NOT_PUBLISHED, IPV4_ONLY, true,  false",
        "UNREACHABLE,   REACHABLE,     IPV6_ONLY, false, true",
        "NOT_PUBLISHED, REACHABLE,     IPV6_ONLY, false, true",
        "UNREACHABLE,   UNREACHABLE,   NEITHER,   false, false",
        "-,             -,             UNKNOWN,   true,  true",
    })
    void probedStates_decideWhichClientsAreSent(FamilyState ipv4, FamilyState ipv6, AddressFamilies expected,
            boolean toIpv4, boolean toIpv6) {
        AddressFamilies families = AddressFamilies.of(ipv4, ipv6);
        assertEquals(expected, families);
        assertEquals(toIpv4, families.reachableOver(false));
        assertEquals(toIpv6, families.reachableOver(true));
    }
}
