package org.mirrorwatch.registry.control;

import org.mirrorwatch.identity.control.Caller;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.reference.entity.Continent;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorName;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorRegistration;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorUrls;
import org.mirrorwatch.identity.entity.Person;

/** The ownership rules as pure functions; the role part is the container's, tested in AccessRulesIT. */
class AccessRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Person alice = new Person("alice", "Alice", "alice@example.org", NOW);
    private final Person bob = new Person("bob", "Bob", "bob@example.org", NOW);
    private final Person admin = new Person("admin", "Admin", "admin@example.org", NOW);
    private final DistributionMirror alicesMirror = DistributionMirror.newMirror(new Distribution("ubuntu", "Ubuntu",
            "http://archive.ubuntu.com/ubuntu/", "http://releases.ubuntu.com/"), alice,
            new MirrorRegistration(new MirrorName("alice-mirror"), null, null, MirrorSpeed.S1G,
                    new Country("FR", "FRA", "France", Continent.EUROPE), MirrorContent.ARCHIVE, MirrorPulseType.PULL,
                    MirrorUrls.http("http://alice.example.org/"), true), NOW);

    @Test
    void theOwner_editsAndReadsTheLogsOfTheirOwnMirror() {
        Caller owner = new Caller(alice, false);
        assertTrue(AccessRules.mayEdit(owner, alicesMirror));
        assertTrue(AccessRules.mayReadProbeLogs(owner, alicesMirror));
    }

    @Test
    void anotherOwner_neitherEditsNorReadsTheLogs() {
        Caller other = new Caller(bob, false);
        assertFalse(AccessRules.mayEdit(other, alicesMirror));
        assertFalse(AccessRules.mayReadProbeLogs(other, alicesMirror));
    }

    @Test
    void anAdmin_doesEverythingAnOwnerCan_onAnyMirror() {
        Caller mirrorAdmin = new Caller(admin, true);
        assertTrue(AccessRules.mayEdit(mirrorAdmin, alicesMirror));
        assertTrue(AccessRules.mayReadProbeLogs(mirrorAdmin, alicesMirror));
        assertTrue(AccessRules.mayRegisterFor(mirrorAdmin, bob));
    }

    @Test
    void aPerson_registersMirrorsForThemselvesOnly() {
        assertTrue(AccessRules.mayRegisterFor(new Caller(alice, false), alice));
        assertFalse(AccessRules.mayRegisterFor(new Caller(alice, false), bob));
    }
}
