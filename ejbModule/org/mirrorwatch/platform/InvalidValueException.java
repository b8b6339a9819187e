package org.mirrorwatch.platform;

/**
 * A value object refused its input. The message is written for the person who typed the value; the
 * caller knows which field it came from and turns it into a field error.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
