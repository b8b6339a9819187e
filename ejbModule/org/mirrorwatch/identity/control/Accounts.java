package org.mirrorwatch.identity.control;

import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.PlainText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.mirrorwatch.identity.entity.ApiToken;
import org.mirrorwatch.identity.entity.Person;

/** The database side of logging in: people by login name, their groups, and API tokens by secret. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The person a login name means: their name, or else their email address. */
    public Optional<Person> findByLogin(String login) {
        if (login == null || login.isBlank() || login.strip().length() > 254
                || PlainText.forbiddenCharacter(login, PlainText.Lines.ONE).isPresent()) {
            return Optional.empty();
        }
        String stripped = login.strip();
        return em.createNamedQuery("Person.findByName", Person.class).setParameter("name", stripped)
                .getResultStream().findFirst()
                .or(() -> em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", stripped)
                        .getResultStream().findFirst());
    }

    /**
     * Refuses a login name that a person has already; names are public, so saying so reveals nothing.
     *
     * @param field the form's field that holds the name, which the refusal names
     * @throws ConflictException when the name is taken
     */
    public void requireFreeName(String field, String name) {
        if (!em.createNamedQuery("Person.findByName", Person.class).setParameter("name", name).getResultList()
                .isEmpty()) {
            throw new ConflictException(field, "The name " + name + " is taken. Choose another.");
        }
    }

    /** The groups of a person who may log in now, by name; empty when there is no such person any more. */
    public Optional<Set<String>> groupsOfActive(String name) {
        return em.createNamedQuery("Person.findByName", Person.class).setParameter("name", name)
                .getResultStream().findFirst().filter(Person::canLogIn).map(Accounts::groupsOf);
    }

    /** The active API token of this secret, whose person it acts for; its last use is recorded. */
    public Optional<ApiToken> useApiToken(String secret) {
        Instant now = clock.instant();
        Optional<ApiToken> token = em.createNamedQuery("ApiToken.findByHash", ApiToken.class)
                .setParameter("tokenHash", SecretTokens.hash(secret)).getResultStream().findFirst()
                .filter(found -> found.isActive(now));
        token.ifPresent(found -> found.markUsed(now));
        return token;
    }

    public static Set<String> groupsOf(Person person) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Roles.PERSON);
        if (person.isMirrorAdmin()) {
            groups.add(Roles.MIRROR_ADMIN);
        }
        if (person.isPublisher()) {
            groups.add(Roles.PUBLISHER);
        }
        return groups;
    }

    /**
     * The groups a token acts with: its holder's, as they are now, cut down to the token's scope. A scoped
     * token lacks the role person, so it counts as no one on the public reads (see {@link Callers}), and
     * it carries nothing at all once its holder lost the scope's role.
     */
    public static Set<String> groupsOf(ApiToken token) {
        Set<String> holders = groupsOf(token.getPerson());
        return switch (token.getScope()) {
            case FULL -> holders;
            case PUBLISH -> holders.contains(Roles.PUBLISHER) ? Set.of(Roles.PUBLISHER) : Set.of();
        };
    }
}
