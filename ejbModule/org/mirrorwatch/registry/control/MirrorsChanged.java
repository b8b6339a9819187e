package org.mirrorwatch.registry.control;

/** A CDI event: something that decides which mirrors clients are sent to has changed for this distribution. */
public record MirrorsChanged(long distributionId) {

    /** The database's name for such a change, told to every instance (see V14__change_notifications.sql). */
    public static final String TOPIC = "mirrors";
}
