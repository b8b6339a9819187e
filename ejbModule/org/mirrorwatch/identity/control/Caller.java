package org.mirrorwatch.identity.control;

import java.util.Objects;
import org.mirrorwatch.identity.entity.Person;

/** The person making a request, and whether they act as a mirror administrator. */
public record Caller(Person person, boolean mirrorAdmin) {

    public Caller {
        Objects.requireNonNull(person);
    }

    public boolean is(Person other) {
        return person.equals(other);
    }
}
