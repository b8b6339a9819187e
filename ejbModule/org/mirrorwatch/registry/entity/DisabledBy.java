package org.mirrorwatch.registry.entity;

/** Who turned a mirror off. It decides whether the prober may turn it back on. */
public enum DisabledBy {
    /** The prober found no content; a later probe that finds content re-enables it. */
    PROBER,
    /** A mirror administrator; only an administrator turns it back on. */
    ADMIN
}
