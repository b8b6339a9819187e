package org.mirrorwatch.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseChangedTest {

    @Test
    void aChange_concernsItsOwnTopicOnly_butALostConnectionConcernsEveryTopic() {
        assertTrue(new DatabaseChanged("mirrors").concerns("mirrors"));
        assertFalse(new DatabaseChanged("mirrors").concerns("reference"));
        assertTrue(new DatabaseChanged(DatabaseChanged.EVERYTHING).concerns("reference"));
        assertTrue(new DatabaseChanged(DatabaseChanged.EVERYTHING).concerns("mirrors"));
    }
}
