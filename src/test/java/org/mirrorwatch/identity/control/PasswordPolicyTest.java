package org.mirrorwatch.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE                        | Choose a password of at least 10 characters.",
            "nine char                   | Choose a password of at least 10 characters.",
            "1234567890                  | That password is on the lists that attackers try first. Choose another one.",
            "Password123                 | That password is on the lists that attackers try first. Choose another one.",
            "jane-doe-99                 | Your password must not be your name or your email address.",
            "JANE@example.org            | Your password must not be your name or your email address.",
            "correct horse battery staple| NONE",
            "ten chars!                  | NONE",
    })
    void weakness_explainsWhatIsWrong(String password, String expected) {
        assertEquals(Optional.ofNullable(expected), PasswordPolicy.weakness(password, "jane-doe-99", "jane@example.org"));
    }

    @ParameterizedTest
    @CsvSource({"200, true", "201, false"})
    void passwordsUpTo200Characters_areAccepted(int length, boolean accepted) {
        assertEquals(accepted, PasswordPolicy.weakness("x".repeat(length), "jane", "jane@example.org").isEmpty());
    }
}
