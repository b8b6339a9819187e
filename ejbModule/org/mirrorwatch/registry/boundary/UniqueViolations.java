package org.mirrorwatch.registry.boundary;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.platform.ConflictException;

/**
 * Turns a unique-key violation that slipped past the checks (two registrations racing) into the same
 * conflict a user would have got from the check.
 */
final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of(
            "distribution_mirror_name_key", MirrorForm.NAME,
            "distribution_mirror_http_base_url_key", MirrorForm.HTTP,
            "distribution_mirror_https_base_url_key", MirrorForm.HTTPS,
            "distribution_mirror_ftp_base_url_key", MirrorForm.FTP,
            "distribution_mirror_rsync_base_url_key", MirrorForm.RSYNC);

    private UniqueViolations() {
    }

    static Optional<ConflictException> asConflict(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                return FIELD_BY_CONSTRAINT.entrySet().stream()
                        .filter(entry -> message.contains(entry.getKey()))
                        .findFirst()
                        .map(entry -> new ConflictException(entry.getValue(),
                                "Another mirror already uses this " + describe(entry.getValue()) + "."));
            }
        }
        return Optional.empty();
    }

    private static String describe(String field) {
        return field.equals(MirrorForm.NAME) ? "name" : "URL";
    }
}
