package org.mirrorwatch.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    @ParameterizedTest(name = "after {0} failures: {1}")
    @CsvSource({"1, NONE", "5, NONE", "6, PT30S", "7, PT1M", "8, PT2M", "10, PT8M", "11, PT15M", "40, PT15M"})
    void theWait_isFreeFiveTimes_thenDoublesFrom30SecondsTo15Minutes(int failures, String wait) {
        assertEquals(wait.equals("NONE") ? Optional.empty() : Optional.of(Duration.parse(wait)),
                LoginThrottle.blockAfter(failures, 5, Duration.ofSeconds(30), Duration.ofMinutes(15)));
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource({"PT0.2S, 1 seconds", "PT30S, 30 seconds", "PT119S, 119 seconds", "PT2M, 2 minutes",
            "PT2M1S, 3 minutes", "PT15M, 15 minutes"})
    void aWait_isSaidInSecondsUnderTwoMinutes_thenInWholeMinutesRoundedUp(String wait, String words) {
        assertEquals(words, LoginThrottle.inWords(Duration.parse(wait)));
    }
}
