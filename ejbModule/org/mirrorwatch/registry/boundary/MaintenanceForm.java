package org.mirrorwatch.registry.boundary;

/**
 * A maintenance window as the API and the console send it: instants in ISO 8601 with an offset
 * (e.g. {@code 2026-12-01T22:00:00Z}), parsed by the facade so that a malformed one is a field error.
 */
public record MaintenanceForm(String startsAt, String endsAt, Boolean weekly, String note) {
}
