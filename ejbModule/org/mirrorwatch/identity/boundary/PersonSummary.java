package org.mirrorwatch.identity.boundary;

import java.time.Instant;
import org.mirrorwatch.identity.entity.Person;

/**
 * A person as the administrators see them: who they are, their roles, and whether their account works.
 *
 * @param active false once an administrator turned the account off
 * @param emailVerified false until the person confirmed their address; until then they cannot log in
 */
public record PersonSummary(long id, String name, String displayName, String email, boolean mirrorAdmin,
        boolean publisher, boolean active, boolean emailVerified, Instant dateCreated) {

    static PersonSummary of(Person person) {
        return new PersonSummary(person.getId(), person.getName(), person.getDisplayName(), person.getEmail(),
                person.isMirrorAdmin(), person.isPublisher(), person.isActive(), person.isEmailVerified(),
                person.getDateCreated());
    }
}
