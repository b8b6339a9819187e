package org.mirrorwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ServerTimingTest {

    @Test
    void tenths_writesMillisecondsWithOneDecimal_asStringFormatDid() {
        for (long nanos : new long[] {0, 49_999, 50_000, 1_234_567, 99_950_000, 12_345_678_901L}) {
            String expected = String.format(Locale.ROOT, "%.1f", nanos / 1e6);
            assertEquals(expected, ServerTiming.tenths((nanos + 50_000) / 100_000), "for " + nanos + " ns");
        }
    }
}
