package org.mirrorwatch.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.identity.entity.ApiToken;
import org.mirrorwatch.identity.entity.ApiTokenScope;
import org.mirrorwatch.identity.entity.Person;

/** The groups a login acts with: a person's roles as they are now, and a scoped token's share of them. */
class AccountsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aPerson_actsWithTheRolesTheyHaveNow() {
        Person person = person();
        assertEquals(Set.of(Roles.PERSON), Accounts.groupsOf(person));

        person.changeRoles(true, true);
        assertEquals(Set.of(Roles.PERSON, Roles.MIRROR_ADMIN, Roles.PUBLISHER), Accounts.groupsOf(person));

        person.changeRoles(false, true);
        assertEquals(Set.of(Roles.PERSON, Roles.PUBLISHER), Accounts.groupsOf(person));
    }

    @Test
    void aFullToken_actsWithAllItsHoldersRoles() {
        Person person = person();
        person.changeRoles(true, true);

        assertEquals(Set.of(Roles.PERSON, Roles.MIRROR_ADMIN, Roles.PUBLISHER),
                Accounts.groupsOf(token(person, ApiTokenScope.FULL)));
    }

    @Test
    void aPublishToken_actsAsPublisherOnly_andAsNobodyOnceItsHolderIsNoPublisher() {
        Person person = person();
        person.changeRoles(true, true);
        ApiToken token = token(person, ApiTokenScope.PUBLISH);

        assertEquals(Set.of(Roles.PUBLISHER), Accounts.groupsOf(token), "neither person nor mirror-admin");
        person.changeRoles(true, false);
        assertEquals(Set.of(), Accounts.groupsOf(token));
    }

    @Test
    void aDeactivatedAccount_cannotLogIn_andItsTokensStopWorking_untilItIsOnAgain() {
        Person person = person();
        person.changeRoles(true, false);
        ApiToken token = token(person, ApiTokenScope.FULL);
        assertTrue(person.canLogIn() && person.isActiveAdmin() && token.isActive(NOW));

        person.deactivate();
        assertFalse(person.canLogIn(), "no login");
        assertFalse(person.isActiveAdmin(), "the role alone does not make an administrator");
        assertFalse(token.isActive(NOW), "no token");

        person.reactivate();
        assertTrue(person.canLogIn() && token.isActive(NOW));
    }

    private static Person person() {
        Person person = new Person("jane", "Jane", "jane@example.org", NOW);
        person.changePassword("a hash");
        person.verifyEmail();
        return person;
    }

    private static ApiToken token(Person person, ApiTokenScope scope) {
        return new ApiToken(person, "script", scope, "0".repeat(64), "mw_abcdef", NOW, NOW.plus(Duration.ofDays(1)));
    }
}
