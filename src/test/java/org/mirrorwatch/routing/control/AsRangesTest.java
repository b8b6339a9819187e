package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.routing.control.GeoLocatorTest.ip;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsRangesTest {

    private static final String TABLE = """
            0.0.0.0,0.0.0.255,64496,First
            1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
            1.0.1.0,1.0.3.255,64497,Next door
            128.0.0.0,128.0.0.0,64498,One address
            255.255.255.0,255.255.255.255,4294967294,Last
            ::,::ff,64499,Start of IPv6
            2001:db8::,2001:db8:0:0:ffff:ffff:ffff:ffff,64500,Documentation
            2001:db8:0:1::,2001:db8:0:1::,64501,One address
            8000::,8000::ffff,64502,Past the sign bit
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,64503,Last
            """;

    private static AsRanges read(String csv) throws IOException {
        return new AsRanges.Builder().read(new StringReader(csv), "test.csv").build();
    }

    @ParameterizedTest(name = "{0}: AS{1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0                  | 64496",
            "0.0.0.255                | 64496",
            "0.0.1.0                  | 0",
            "0.255.255.255            | 0",
            "1.0.0.0                  | 13335",
            "1.0.0.255                | 13335",
            "1.0.1.0                  | 64497",
            "1.0.3.255                | 64497",
            "1.0.4.0                  | 0",
            "127.255.255.255          | 0",
            "128.0.0.0                | 64498",
            "128.0.0.1                | 0",
            "255.255.254.255          | 0",
            "255.255.255.0            | 4294967294",
            "255.255.255.255          | 4294967294",
            "::                       | 64499",
            "::ff                     | 64499",
            "::100                    | 0",
            "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff | 0",
            "2001:db8::               | 64500",
            "2001:db8::ffff:ffff:ffff:ffff | 64500",
            "2001:db8:0:1::           | 64501",
            "2001:db8:0:1::1          | 0",
            "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 0",
            "8000::                   | 64502",
            "8000::ffff               | 64502",
            "8000::1:0                | 0",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:feff | 0",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00 | 64503",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 64503",
    })
    void autonomousSystem_atTheEdgesOfRanges_andInTheGaps(String address, long as) throws IOException {
        assertEquals(as, read(TABLE).autonomousSystem(ip(address)));
    }

    @Test
    void counts_theRangesOfEachFamily() throws IOException {
        AsRanges ranges = read(TABLE);
        assertEquals(5, ranges.ipv4Ranges());
        assertEquals(5, ranges.ipv6Ranges());
        assertEquals(5 * 12 + 5 * 36, ranges.bytes());
    }

    @Test
    void anEmptyTable_knowsNothing() throws IOException {
        assertEquals(0, read("").autonomousSystem(ip("1.2.3.4")));
        assertEquals(0, read("").autonomousSystem(ip("2001:db8::1")));
    }

    /** The published IPv4 file has 214.95.0.0-215.0.255.255 (AS749) and then 215.0.0.0-215.1.3.255 (AS721). */
    @Test
    void aRowThatStartsInsideTheOneBefore_cutsItShort() throws IOException {
        AsRanges ranges = read("""
                214.95.0.0,215.0.255.255,749
                215.0.0.0,215.1.3.255,721
                2001:db8::,2001:db8::1:0,64500
                2001:db8::1:0,2001:db8::2:0,64501
                2001:db9::,2001:db9:0:0:ffff:ffff:ffff:ffff,64502
                2001:db9:0:1::,2001:db9:0:1::1,64503
                """);

        assertEquals(749, ranges.autonomousSystem(ip("214.255.255.255")));
        assertEquals(721, ranges.autonomousSystem(ip("215.0.0.0")));
        assertEquals(721, ranges.autonomousSystem(ip("215.1.3.255")));
        assertEquals(64500, ranges.autonomousSystem(ip("2001:db8::ffff")));
        assertEquals(64501, ranges.autonomousSystem(ip("2001:db8::1:0")));
        assertEquals(64502, ranges.autonomousSystem(ip("2001:db9::ffff:ffff:ffff:ffff")));
        assertEquals(64503, ranges.autonomousSystem(ip("2001:db9:0:1::")));
    }

    @Test
    void aCutAcrossTheLow64Bits_borrowsFromTheHighOnes() throws IOException {
        AsRanges ranges = read("""
                2001:db8::,2001:db8:0:2::,64500
                2001:db8:0:1::,2001:db8:0:3::,64501
                """);

        assertEquals(64500, ranges.autonomousSystem(ip("2001:db8::ffff:ffff:ffff:ffff")));
        assertEquals(64501, ranges.autonomousSystem(ip("2001:db8:0:1::")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "1.2.3.0,1.2.3.255                      | line 1: it has 2 fields",
            "1.2.3.0,1.2.3.255,AS64500              | line 1: \"AS64500\" is not an AS number",
            "1.2.3.0,1.2.3.255,0                    | line 1: \"0\" is not an AS number",
            "1.2.3.0,1.2.3.255,4294967296           | line 1: \"4294967296\" is not an AS number",
            "1.2.3.0,1.2.3.256,64500                | line 1: \"1.2.3.256\" is not an IP address",
            "16909056,16909311,64500                | line 1: \"16909056\" is not an IP address",
            "1.2.3.0,example.org,64500              | line 1: \"example.org\" is not an IP address",
            "1.2.3.0,2001:db8::,64500               | line 1: its first and last addresses are of different families",
            "1.2.3.255,1.2.3.0,64500                | line 1: its first address comes after its last",
            "2001:db8::1,2001:db8::,64500           | line 1: its first address comes after its last",
            "1.2.4.0,1.2.4.255,1\\n1.2.3.0,1.2.3.255,2 | line 2: the IPv4 rows are not in address order (see line 1)",
            "1.2.3.0,1.2.3.255,1\\n1.2.3.0,1.2.3.9,2   | line 2: the IPv4 rows are not in address order (see line 1)",
            "1.2.0.0,1.2.255.255,1\\n1.2.3.0,1.2.3.255,2 | line 2: its range lies inside the one of line 1",
            "2001:db8::,2001:db8::ff,1\\n2001:db8::1,2001:db8::2,2 | line 2: its range lies inside the one of line 1",
            "2001:db9::,2001:db9::ff,1\\n2001:db8::,2001:db8::ff,2 | line 2: the IPv6 rows are not in address order",
            "1.2.3.0,\"1.2.3.255\"x,64500            | test.csv is not a CSV file",
    })
    void read_refusesWhatIsNotARangeTable_namingTheLine(String csv, String message) {
        IOException e = assertThrows(IOException.class, () -> read(csv.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
