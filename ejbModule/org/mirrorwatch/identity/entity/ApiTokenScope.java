package org.mirrorwatch.identity.entity;

/** What an API token may do, chosen when it is made. */
public enum ApiTokenScope {
    /** Whatever its holder may do. */
    FULL,
    /** Only import publications, for the archive publisher's scripts. */
    PUBLISH
}
