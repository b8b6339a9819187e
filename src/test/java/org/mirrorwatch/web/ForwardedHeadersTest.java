package org.mirrorwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.web.ForwardedHeaders.Hop;

class ForwardedHeadersTest {

    /** Hops written as "192.0.2.1 2001:db8:0:0:0:0:0:1 ?" (? for unknown). */
    private static String hops(List<Hop> hops) {
        return String.join(" ", hops.stream()
                .map(hop -> hop.address().map(InetAddress::getHostAddress).orElse("?")).toList());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "192.0.2.1                                | 192.0.2.1",
            "192.0.2.1,198.51.100.2                   | 192.0.2.1 198.51.100.2",
            "  192.0.2.1 ,\t198.51.100.2 , 203.0.113.3 | 192.0.2.1 198.51.100.2 203.0.113.3",
            "192.0.2.1:5678, 198.51.100.2:80          | 192.0.2.1 198.51.100.2",
            "2001:db8::1                              | 2001:db8:0:0:0:0:0:1",
            "[2001:db8::1]                            | 2001:db8:0:0:0:0:0:1",
            "[2001:db8::1]:443, 192.0.2.1             | 2001:db8:0:0:0:0:0:1 192.0.2.1",
            "::ffff:192.0.2.1                         | 192.0.2.1",
            "unknown, 192.0.2.1                       | ? 192.0.2.1",
    })
    void xForwardedFor_readsAddresses_withOrWithoutPorts(String header, String expected) {
        assertEquals(expected, hops(ForwardedHeaders.parseXForwardedFor(header)));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                                  | is not an IP address",
            "192.0.2.1,                          | is not an IP address",
            "192.0.2.1,,198.51.100.2             | is not an IP address",
            "mirror.example.org                  | \"mirror.example.org\" is not an IP address",
            "localhost                           | is not an IP address",
            "192.0.2.256                         | is not an IP address",
            "192.0.2.1:99999                     | is not an IP address",
            "192.0.2.1:                          | is not an IP address",
            "192.0.2.1 198.51.100.2              | is not an IP address",
            "[192.0.2.1]                         | is not an IP address",
            "[2001:db8::1                        | is not an IP address",
            "[2001:db8::1]x                      | is not an IP address",
            "2001:db8::1:443x                    | is not an IP address",
            "_hidden                             | is not an IP address",
            "for=192.0.2.1                       | is not an IP address",
    })
    void xForwardedFor_refusesWhatIsNotAnAddress(String header, String message) {
        assertWrong(ForwardedHeaders::parseXForwardedFor, header, "X-Forwarded-For", message);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "for=192.0.2.60                                          | 192.0.2.60",
            "For=192.0.2.60;proto=https;by=203.0.113.43               | 192.0.2.60",
            "for=192.0.2.43, for=198.51.100.17                        | 192.0.2.43 198.51.100.17",
            "for=\"192.0.2.43:47011\"                                 | 192.0.2.43",
            "for=\"[2001:db8:cafe::17]\"                              | 2001:db8:cafe:0:0:0:0:17",
            "for=\"[2001:db8:cafe::17]:4711\" ; proto=http            | 2001:db8:cafe:0:0:0:0:17",
            "for=unknown, for=192.0.2.1                               | ? 192.0.2.1",
            "for=_hidden, for=\"_SEVKISEK\", for=192.0.2.1            | ? ? 192.0.2.1",
            "for=\"192.0.2.1:_port\"                                  | 192.0.2.1",
            "proto=https;host=\"mirror.example.org,x\", for=192.0.2.1 | ? 192.0.2.1",
            "for=192.0.2.1;host=\"a\\\"b\"                            | 192.0.2.1",
    })
    void forwarded_readsTheForOfEachElement(String header, String expected) {
        assertEquals(expected, hops(ForwardedHeaders.parseForwarded(header)));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                                    | each element must be pairs",
            "192.0.2.1                             | where \"=\" belongs",
            "for=                                  | \"for\" has no value",
            "for=192.0.2.1,                        | each element must be pairs",
            "for=192.0.2.1,,for=192.0.2.2          | each element must be pairs",
            "for=192.0.2.1:80                      | where \",\" belongs",
            "for=2001:db8::1                       | is not an IP address",
            "for=\"2001:db8::1\"                   | is not an IP address",
            "for=\"[2001:db8::1]:99999\"           | is not an IP address",
            "for=\"[192.0.2.1]\"                   | is not an IP address",
            "for=\"[2001:db8::1\"                  | is not an IP address",
            "for=mirror.example.org                | is not an IP address",
            "for=\"192.0.2.1                       | no closing quote",
            "for=192.0.2.1;for=192.0.2.2           | names \"for\" twice",
            "for=192.0.2.1 for=192.0.2.2           | where \",\" belongs",
            "for=_                                 | is not an IP address",
            "for=192.0.2.1;;proto=http             | each element must be pairs",
    })
    void forwarded_refusesMalformedElements(String header, String message) {
        assertWrong(ForwardedHeaders::parseForwarded, header, "Forwarded", message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"X-Forwarded-For", "Forwarded"})
    void bothHeaders_haveALimit(String field) {
        Function<String, List<Hop>> parse = field.equals("Forwarded") ? ForwardedHeaders::parseForwarded
                : ForwardedHeaders::parseXForwardedFor;
        String hop = field.equals("Forwarded") ? "for=192.0.2.1" : "192.0.2.1";

        assertEquals(20, parse.apply(String.join(",", java.util.Collections.nCopies(20, hop))).size());
        assertWrong(parse, String.join(",", java.util.Collections.nCopies(21, hop)), field, "more than 20 hops");
        char[] spaces = new char[2049 - hop.length()];
        Arrays.fill(spaces, ' ');
        assertWrong(parse, new String(spaces) + hop, field, "longer than 2048 characters");
    }

    private static void assertWrong(Function<String, List<Hop>> parse, String header, String field, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse.apply(header));
        FieldError error = e.getErrors().get(0);
        assertEquals(field, error.field());
        assertTrue(error.message().startsWith("The header from the proxy is malformed: ")
                && error.message().contains(message), error.message());
    }
}
