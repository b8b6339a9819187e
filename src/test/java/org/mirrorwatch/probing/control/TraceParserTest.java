package org.mirrorwatch.probing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.reference.entity.TraceFormat;

class TraceParserTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static TraceParser.Reading debian(String text) {
        return TraceParser.parse(TraceFormat.DEBIAN, text.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static TraceParser.Reading lastsync(String text) {
        return TraceParser.parse(TraceFormat.ARCH_LASTSYNC, text.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static String refusal(TraceParser.Reading reading) {
        return assertInstanceOf(TraceParser.Refused.class, reading).problem();
    }

    @Test
    void debianTrace_withFtpsyncsKeyValueLines_namesItsFirstLine() {
        String trace = """
                Sat Nov 28 21:08:46 UTC 2026
                Date: Sat, 28 Nov 2026 21:08:46 +0000
                Date-Started: Sat, 28 Nov 2026 20:52:01 +0000
                Archive serial: 2026112802
                Used ftpsync version: 20180513
                Creator: ftpsync 20180513
                Running on host: ftp-master.debian.org
                """;
        assertEquals(new TraceParser.Synced(Instant.parse("2026-11-28T21:08:46Z")), debian(trace));
    }

    @Test
    void debianTrace_ofOneLine_withoutNewline_andASpacePaddedDay() {
        assertEquals(new TraceParser.Synced(Instant.parse("2026-11-02T03:04:05Z")), debian("Mon Nov  2 03:04:05 UTC 2026"));
    }

    @Test
    void debianTrace_aWeekdayThatDisagreesWithTheDate_isRefused() {
        assertEquals("its first line names a Mon, but 2026-11-28 is a Sat", refusal(debian("Mon Nov 28 21:08:46 UTC 2026\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "<html>Not here</html>", "2026-11-28T21:08:46Z", "Sat Nov 28 21:08:46 CET 2026",
            "Sat Nov 28 21:08:46 UTC 2026 extra", "Sat Nov 31 21:08:46 UTC 2026", "Sat Nov 28 25:08:46 UTC 2026",
            "Sat Nov 28 21:08:46 UTC 2026\nno colon here", "Sat Nov 28 21:08:46 UTC 2026\r\n",
            "Sat Nov 28 21:08:46 UTC 2026\nKey: value\u0000", "\uFEFFSat Nov 28 21:08:46 UTC 2026"})
    void debianTrace_anythingElse_isRefused(String text) {
        assertInstanceOf(TraceParser.Refused.class, debian(text));
    }

    @Test
    void notUtf8_isRefused() {
        assertEquals("it is not UTF-8 text", refusal(TraceParser.parse(TraceFormat.DEBIAN,
                new byte[] {(byte) 0xff, (byte) 0xfe, 'S'}, NOW)));
    }

    @Test
    void aTimeMoreThanAnHourAhead_isRefused() {
        assertTrue(refusal(debian("Mon Nov 30 13:00:01 UTC 2026")).contains("more than 60 minutes after the probe"));
        assertEquals(new TraceParser.Synced(Instant.parse("2026-11-30T13:00:00Z")), debian("Mon Nov 30 13:00:00 UTC 2026"));
    }

    @Test
    void archLastsync_isOneLineOfSeconds() {
        assertEquals(new TraceParser.Synced(Instant.ofEpochSecond(1796036926L)), lastsync("1796036926\n"));
        assertEquals(new TraceParser.Synced(Instant.ofEpochSecond(1796036926L)), lastsync("1796036926"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "01796036926", "1796036926.5", " 1796036926", "1796036926\n\n",
            "1796036926\nmore", "Sat Nov 28 21:08:46 UTC 2026", "99999999999999", "700000000"})
    void archLastsync_anythingElse_isRefused(String text) {
        assertInstanceOf(TraceParser.Refused.class, lastsync(text));
    }
}
