package org.mirrorwatch.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Values read by native queries, whose Java types differ between JPA providers: EclipseLink returns a
 * {@code timestamptz} as a {@link Timestamp}, Hibernate 6 as an {@link Instant} or {@link OffsetDateTime}.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** The instant a {@code timestamptz} column holds, or null for SQL NULL. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
