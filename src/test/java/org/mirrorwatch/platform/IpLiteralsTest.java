package org.mirrorwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0             | 0.0.0.0",
            "192.0.2.1           | 192.0.2.1",
            "255.255.255.255     | 255.255.255.255",
            "2001:db8::1         | 2001:db8:0:0:0:0:0:1",
            "2001:DB8::A         | 2001:db8:0:0:0:0:0:a",
            "::                  | 0:0:0:0:0:0:0:0",
            "::1                 | 0:0:0:0:0:0:0:1",
            "::ffff:192.0.2.1    | 192.0.2.1",
            "64:ff9b::192.0.2.1  | 64:ff9b:0:0:0:0:c000:201",
    })
    void parse_readsLiterals(String text, String address) {
        assertEquals(address, IpLiterals.parse(text).map(InetAddress::getHostAddress).orElse("none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 192.0.2.1", "192.0.2.1 ", "192.0.2", "192.0.2.1.5", "192.0.2.256", "192.0.02.1",
            "0x7f.0.0.1", "1e2.0.0.1", "localhost", "example.org", "abc", "dead", "[2001:db8::1]", "2001:db8::1%eth0",
            "2001:db8::g", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "::ffff:192.0.2.256", "192.0.2.1:80", "１.2.3.4"})
    void parse_refusesEverythingElse_andNeverLooksANameUp(String text) {
        assertEquals(Optional.empty(), IpLiterals.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0,0", "1.0.0.0,16777216", "255.255.255.255,4294967295", "1.2.3,-1", "01.2.3.4,-1", "1.2.3.4.,-1"})
    void ipv4_isAnUnsignedNumber(String text, long value) {
        assertEquals(value, IpLiterals.ipv4(text));
    }
}
