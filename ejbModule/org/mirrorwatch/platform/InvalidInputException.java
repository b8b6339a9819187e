package org.mirrorwatch.platform;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule. It lists every broken rule at once, each with the field it belongs to. */
public class InvalidInputException extends MirrorwatchException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining(" ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid input needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> getErrors() {
        return errors;
    }
}
