package org.mirrorwatch.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;

class SignUpFormTest {

    @Test
    void validate_reportsEveryBrokenField_atOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new SignUpForm("No Spaces", " ", "jane at example", "short").validate(Optional.of("too short")));

        assertEquals(List.of("name", "displayName", "email", "password"),
                e.getErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void validate_stripsTheFields() {
        SignUpForm valid = new SignUpForm(" jane-doe ", " Jane Doe ", " jane@example.org ", " secret kept as typed ")
                .validate(Optional.empty());

        assertEquals(new SignUpForm("jane-doe", "Jane Doe", "jane@example.org", " secret kept as typed "), valid);
    }

    @ParameterizedTest
    @CsvSource({"jane@example.org, true", "j@e.io, true", "Jane <jane@example.org>, false", "jane@, false",
            "@example.org, false", "jane example@org, false", "jane, false"})
    void isMailAddress_takesAPlainAddressOnly(String text, boolean valid) {
        assertEquals(valid, SignUpForm.isMailAddress(text));
    }
}
