package org.mirrorwatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of one input before giving up, so that a form can show all its errors at
 * once and nothing is saved until all of them pass.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Builds a value object from a field; its refusal becomes that field's error, and the result null. */
    public <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /** Records an error for a field that has no value. */
    public <T> T require(String field, T value, String message) {
        if (value == null) {
            add(field, message);
        }
        return value;
    }

    /**
     * A free text field checked by {@link PlainText}: the stripped text, or null when it is blank or
     * breaks the rule (then recorded as the field's error).
     */
    public String text(String field, String value, int maxLength, PlainText.Lines lines) {
        return parse(field, () -> PlainText.optional(value, maxLength, lines));
    }

    /** As {@link #text}, and blank is an error with this message. */
    public String requiredText(String field, String value, int maxLength, PlainText.Lines lines,
            String missingMessage) {
        if (value == null || value.isBlank()) {
            add(field, missingMessage);
            return null;
        }
        return text(field, value, maxLength, lines);
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** How many errors there are so far, so a caller can tell whether a part of the input added any. */
    public int size() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws one {@link InvalidInputException} that lists every error, if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
