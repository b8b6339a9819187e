package org.mirrorwatch.platform;

/** The change would duplicate something that must be unique, such as a mirror's name or URL. */
public class ConflictException extends MirrorwatchException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field that holds the duplicate value, so a form can show the message beside it. */
    public String getField() {
        return field;
    }
}
