package org.mirrorwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private static final AddressGuard NONE_ALLOWED = AddressGuard.allowing(List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1        | a loopback",
            "127.9.9.9        | a loopback",
            "::1              | a loopback",
            "10.1.2.3         | a private (RFC 1918)",
            "172.16.0.1       | a private (RFC 1918)",
            "172.31.255.255   | a private (RFC 1918)",
            "192.168.1.1      | a private (RFC 1918)",
            "fc00::1          | a unique local (fc00::/7)",
            "fd12:3456::1     | a unique local (fc00::/7)",
            "169.254.169.254  | the cloud metadata",
            "169.254.10.1     | a link-local",
            "fe80::1          | a link-local",
            "224.0.0.1        | a multicast",
            "ff02::1          | a multicast",
            "0.0.0.0          | an unspecified",
            "0.1.2.3          | an unspecified",
            "::               | an unspecified",
            "100.64.0.1       | a shared (RFC 6598)",
            "::ffff:10.0.0.1  | a private (RFC 1918)",
    })
    void refuses_everyAddressThatIsNotThePublicInternet(String address, String blockedAs) throws Exception {
        assertEquals(Optional.of(blockedAs), NONE_ALLOWED.refusal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888",
            "191.255.255.255"})
    void passes_publicAddresses_always(String address) throws Exception {
        assertEquals(Optional.empty(), NONE_ALLOWED.refusal(InetAddress.getByName(address)));
        assertEquals(Optional.empty(),
                AddressGuard.allowing(List.of("127.0.100.0/24")).refusal(InetAddress.getByName(address)));
    }

    @Test
    void allowList_letsItsBlockThrough_andNothingElse() throws Exception {
        AddressGuard guard = AddressGuard.allowing(List.of("127.0.100.0/24", " ", "fd00:abcd::/32"));

        assertEquals(Optional.empty(), guard.refusal(InetAddress.getByName("127.0.100.7")));
        assertEquals(Optional.empty(), guard.refusal(InetAddress.getByName("fd00:abcd:1::5")));
        assertTrue(guard.refusal(InetAddress.getByName("127.0.101.7")).isPresent());
        assertTrue(guard.refusal(InetAddress.getByName("127.0.0.1")).isPresent());
        assertTrue(guard.refusal(InetAddress.getByName("fd00:abce::5")).isPresent());
    }

    @Test
    void refusal_ofAHostName_saysWhatItResolvedTo() throws Exception {
        assertEquals(Optional.of("localhost resolves to 127.0.0.1, a loopback address, which Mirrorwatch does not"
                + " probe"), NONE_ALLOWED.refusal("localhost", InetAddress.getByName("127.0.0.1")));
        assertEquals(Optional.of("10.0.0.1 is a private (RFC 1918) address, which Mirrorwatch does not probe"),
                NONE_ALLOWED.refusal("10.0.0.1", InetAddress.getByName("10.0.0.1")));
        assertEquals(Optional.empty(), NONE_ALLOWED.refusal("example.org", InetAddress.getByName("93.184.216.34")));
    }

    @Test
    void allowList_withOddPrefixes() throws Exception {
        AddressGuard guard = AddressGuard.allowing(List.of("10.0.0.0/9"));

        assertEquals(Optional.empty(), guard.refusal(InetAddress.getByName("10.127.255.255")));
        assertTrue(guard.refusal(InetAddress.getByName("10.128.0.0")).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0.0/-1", "mirror.example.org/8", "10.0.0.0/x", "/8"})
    void allowList_rejectsWhatIsNotACidr(String cidr) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressGuard.allowing(List.of(cidr)));
        assertTrue(e.getMessage().contains("is not an address block"), e.getMessage());
    }
}
