package org.mirrorwatch.reference.control;

/**
 * A CDI event: a distribution, series, architecture series or component was created or changed (fired in
 * the changing transaction; observers that cache reference data act after it commits).
 */
public record ReferenceChanged(String what) {

    /** The database's name for such a change, told to every instance (see V14__change_notifications.sql). */
    public static final String TOPIC = "reference";
}
