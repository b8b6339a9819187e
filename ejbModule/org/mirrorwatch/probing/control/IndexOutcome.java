package org.mirrorwatch.probing.control;

import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * What a probe found for one index: present with a freshness, or to be deleted (missing, failed, or no
 * publication to measure it by).
 */
public record IndexOutcome(IndexCheck check, boolean present, MirrorStatus freshness) {

    static IndexOutcome kept(IndexCheck check, MirrorStatus freshness) {
        return new IndexOutcome(check, true, freshness);
    }

    static IndexOutcome deleted(IndexCheck check) {
        return new IndexOutcome(check, false, null);
    }
}
