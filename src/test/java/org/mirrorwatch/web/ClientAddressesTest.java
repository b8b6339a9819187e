package org.mirrorwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.IpLiterals;

class ClientAddressesTest {

    /** Two proxy tiers: a load balancer in 10.0.0.0/8 and a CDN's edge in 2001:db8:e::/48. */
    private static ClientAddresses trusting(String cidrs) {
        ClientAddresses addresses = new ClientAddresses();
        addresses.trustedProxies = Optional.of(cidrs);
        addresses.check();
        return addresses;
    }

    private static final ClientAddresses TWO_TIERS = trusting("10.0.0.0/8, 2001:db8:e::/48");

    @ParameterizedTest(name = "{0} sends Forwarded [{1}], X-Forwarded-For [{2}]: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // An untrusted peer is the client, whatever it writes, malformed or not.
            "192.0.2.9      | -                          | -                               | 192.0.2.9",
            "192.0.2.9      | -                          | 198.51.100.1                    | 192.0.2.9",
            "192.0.2.9      | for=198.51.100.1           | -                               | 192.0.2.9",
            "192.0.2.9      | -                          | not an address                  | 192.0.2.9",
            "2001:db8::9    | -                          | 198.51.100.1                    | 2001:db8:0:0:0:0:0:9",
            // A trusted peer without headers is the client.
            "10.1.1.1       | -                          | -                               | 10.1.1.1",
            // A trusted peer: the nearest hop that is not trusted.
            "10.1.1.1       | -                          | 198.51.100.1                    | 198.51.100.1",
            "10.1.1.1       | -                          | 198.51.100.1, 203.0.113.5       | 203.0.113.5",
            "10.1.1.1       | -                          | 198.51.100.1, 10.2.2.2          | 198.51.100.1",
            "10.1.1.1       | -                          | 198.51.100.1, 2001:db8:e::7, 10.2.2.2 | 198.51.100.1",
            "2001:db8:e::1  | -                          | [2001:db8:c::1]:5555, 10.2.2.2  | 2001:db8:c:0:0:0:0:1",
            "10.1.1.1       | -                          | 198.51.100.1:443                | 198.51.100.1",
            // A spoofed first hop is not believed: the walk stops at the first untrusted one.
            "10.1.1.1       | -                          | 10.9.9.9, 198.51.100.1, 10.2.2.2 | 198.51.100.1",
            // All trusted: the first hop.
            "10.1.1.1       | -                          | 10.3.3.3, 10.2.2.2              | 10.3.3.3",
            // Unknown hops end the walk at the proxy that recorded them.
            "10.1.1.1       | -                          | unknown, 10.2.2.2               | 10.2.2.2",
            "10.1.1.1       | for=unknown                | -                               | 10.1.1.1",
            "10.1.1.1       | for=_hidden;proto=https, for=10.2.2.2 | -                    | 10.2.2.2",
            // Forwarded wins over X-Forwarded-For.
            "10.1.1.1       | for=198.51.100.1           | 203.0.113.5                     | 198.51.100.1",
            "10.1.1.1       | for=\"[2001:db8:c::1]:1234\", for=10.2.2.2 | 203.0.113.5       | 2001:db8:c:0:0:0:0:1",
    })
    void clientOf_walksTheHopsFromTheNearest(String peer, String forwarded, String xForwardedFor, String client) {
        assertEquals(client, TWO_TIERS.clientOf(IpLiterals.parse(peer).orElseThrow(), forwarded, xForwardedFor)
                .getHostAddress());
    }

    @ParameterizedTest(name = "Forwarded [{0}], X-Forwarded-For [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                  | 198.51.100.1, mirror.example.org | X-Forwarded-For",
            "-                  | ''                               | X-Forwarded-For",
            "for=198.51.100.1:1 | 203.0.113.5                      | Forwarded",
            "for=\"[2001:db8::1\" | -                              | Forwarded",
    })
    void clientOf_refusesAMalformedHeaderFromATrustedProxy(String forwarded, String xForwardedFor, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TWO_TIERS.clientOf(IpLiterals.parse("10.1.1.1").orElseThrow(), forwarded, xForwardedFor));
        assertEquals(field, e.getErrors().get(0).field());
    }

    @Test
    void clientOf_anOverlongHeaderFromATrustedProxy_isRefused() {
        String header = String.join(", ", java.util.Collections.nCopies(200, "198.51.100.1"));
        assertThrows(InvalidInputException.class,
                () -> TWO_TIERS.clientOf(IpLiterals.parse("10.1.1.1").orElseThrow(), null, header));
    }

    @Test
    void noTrustedProxies_meansThePeerIsTheClient() {
        ClientAddresses none = trusting("");
        assertEquals("10.1.1.1", none.clientOf(IpLiterals.parse("10.1.1.1").orElseThrow(), "for=198.51.100.1",
                "198.51.100.1").getHostAddress());
    }

    @Test
    void aWrongCidr_stopsTheStart_namingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trusting("10.0.0.0/8, proxy.example.org"));
        assertTrue(e.getMessage().startsWith("The setting mirrorwatch.client.trusted-proxies is wrong: \"proxy.example.org\""
                + " is not an address block"), e.getMessage());
    }
}
