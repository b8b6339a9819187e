package org.mirrorwatch.identity.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.mirrorwatch.identity.entity.AccountToken;
import org.mirrorwatch.identity.entity.AccountTokenPurpose;
import org.mirrorwatch.identity.entity.Person;

/**
 * The one-time links mailed to people: made here, kept as a hash only. A reset link is looked for and
 * mailed after the request has been answered, so the answer takes as long whether or not the address
 * has an account.
 */
@Stateless
public class AccountLinks {

    private static final Logger LOG = Logger.getLogger(AccountLinks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountNotifications notifications;

    @Inject
    AccountSettings settings;

    /** A new link's secret for the person; only its hash is stored. */
    public String newToken(Person person, AccountTokenPurpose purpose, Duration ttl) {
        String secret = SecretTokens.newSecret("");
        Instant now = clock.instant();
        em.persist(new AccountToken(person, purpose, SecretTokens.hash(secret), now, now.plus(ttl)));
        return secret;
    }

    /**
     * Mails a reset link to the account with this address, if there is one that an administrator has not
     * turned off, replacing the links sent before. It runs on its own, after the caller has had its answer.
     */
    @Asynchronous
    public void mailResetLink(String email) {
        em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", email)
                .getResultStream().findFirst().filter(Person::isActive).ifPresent(person -> {
                    em.createNamedQuery("AccountToken.invalidateOpen").setParameter("now", clock.instant())
                            .setParameter("personId", person.getId())
                            .setParameter("purpose", AccountTokenPurpose.RESET_PASSWORD).executeUpdate();
                    String token = newToken(person, AccountTokenPurpose.RESET_PASSWORD, settings.getResetLinkTtl());
                    notifications.resetPassword(person, token, settings.getResetLinkTtl());
                    LOG.info(() -> "Password reset link mailed to " + person.getName());
                });
    }
}
