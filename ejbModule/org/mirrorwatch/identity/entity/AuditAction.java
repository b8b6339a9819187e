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
    /** An administrator probed one mirror now. */
    MIRROR_PROBED_NOW
}
