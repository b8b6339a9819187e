package org.mirrorwatch.identity.entity;

/** What an audited change did. */
public enum AuditAction {
    /** A mirror was registered. */
    MIRROR_REGISTERED,
    /** A mirror's URLs changed. */
    MIRROR_URLS_CHANGED,
    /** A mirror's details other than its URLs changed. */
    MIRROR_EDITED,
    /** An administrator gave a mirror a review status and whiteboard. */
    MIRROR_REVIEWED,
    /** The owner of a broken mirror asked for another review. */
    MIRROR_RESUBMITTED,
    /** An administrator gave a mirror to another owner. */
    MIRROR_OWNER_CHANGED,
    /** An administrator deleted a mirror that was never probed. */
    MIRROR_DELETED,
    /** An administrator turned a mirror on. */
    MIRROR_ENABLED,
    /** An administrator turned a mirror off. */
    MIRROR_DISABLED,
    /** An administrator made a mirror its country's DNS mirror. */
    COUNTRY_DNS_MIRROR_DESIGNATED,
    /** An administrator took the country DNS role from a mirror. */
    COUNTRY_DNS_MIRROR_REMOVED,
    /** An administrator started a probe round. */
    PROBE_ROUND_STARTED,
    /** An administrator probed one mirror now, or its owner asked for a re-probe. */
    MIRROR_PROBED_NOW,
    /** An owner or an administrator scheduled a maintenance window for a mirror. */
    MAINTENANCE_SCHEDULED,
    /** An owner or an administrator cancelled a maintenance window. */
    MAINTENANCE_CANCELLED,
    /** An administrator added a distribution. */
    DISTRIBUTION_CREATED,
    /** An administrator changed a distribution's details. */
    DISTRIBUTION_UPDATED,
    /** An administrator added a series to a distribution. */
    SERIES_CREATED,
    /** An administrator changed a series' version or state. */
    SERIES_UPDATED,
    /** An administrator added an architecture to a series. */
    ARCH_SERIES_CREATED,
    /** An administrator changed whether an architecture is official. */
    ARCH_SERIES_UPDATED,
    /** An administrator added a component. */
    COMPONENT_CREATED,
    /** An administrator replaced a distribution's CD-image manifest. */
    CD_IMAGE_MANIFEST_REPLACED,
    /** Someone with the setup token made themselves the first mirror administrator. */
    FIRST_ADMIN_CREATED,
    /** An administrator gave a person a role: mirror administrator or publisher. */
    ROLE_GRANTED,
    /** An administrator took a role from a person. */
    ROLE_REVOKED,
    /** An administrator turned an account off: it cannot log in, and its API tokens are revoked. */
    PERSON_DEACTIVATED,
    /** An administrator turned an account on again. */
    PERSON_REACTIVATED
}
