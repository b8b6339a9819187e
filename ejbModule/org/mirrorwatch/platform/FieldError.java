package org.mirrorwatch.platform;

import java.io.Serializable;

/** One rejected input field and what the user should do about it. */
public record FieldError(String field, String message) implements Serializable {
}
