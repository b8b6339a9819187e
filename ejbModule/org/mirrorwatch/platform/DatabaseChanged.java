package org.mirrorwatch.platform;

/**
 * A CDI event: PostgreSQL told that a committed transaction, of this instance, another one or a person in
 * SQL, changed what {@code topic} names (a NOTIFY payload; the feature that owns a copy in memory owns its
 * topic). {@code #EVERYTHING} follows a lost connection, when notifications may have been missed.
 */
public record DatabaseChanged(String topic) {

    public static final String EVERYTHING = "*";

    /** Whether a copy that depends on {@code ownTopic} is out of date. */
    public boolean concerns(String ownTopic) {
        return topic.equals(ownTopic) || topic.equals(EVERYTHING);
    }
}
