package org.mirrorwatch.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on what a facade throws, through whatever EJBException the container wraps it in. */
public final class Failures {

    private Failures() {
    }

    public static <T extends Throwable> T thrown(Class<T> type, Executable call) {
        return type.cast(assertInstance(type, assertThrows(Throwable.class, call)));
    }

    /** The business failure inside an EJBException, or the throwable itself. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Throwable assertInstance(Class<?> type, Throwable failure) {
        Throwable cause = unwrap(failure);
        assertTrue(type.isInstance(cause), "expected " + type.getSimpleName() + " but got " + cause);
        return cause;
    }
}
