package org.mirrorwatch.identity.boundary;

import org.mirrorwatch.identity.entity.Person;

/** An account as its owner sees it on the account page: who one is, and the roles one has. */
public record AccountView(long id, String name, String displayName, String email, boolean mirrorAdmin,
        boolean publisher) {

    static AccountView of(Person person) {
        return new AccountView(person.getId(), person.getName(), person.getDisplayName(), person.getEmail(),
                person.isMirrorAdmin(), person.isPublisher());
    }
}
