package org.mirrorwatch.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;
import org.mirrorwatch.identity.control.Callers;
import org.mirrorwatch.identity.control.AccountLinks;
import org.mirrorwatch.identity.control.AccountSettings;
import org.mirrorwatch.identity.control.PasswordPolicy;
import org.mirrorwatch.identity.control.Passwords;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.control.SecretTokens;
import org.mirrorwatch.identity.entity.AccountToken;
import org.mirrorwatch.identity.entity.AccountTokenPurpose;
import org.mirrorwatch.identity.control.AccountNotifications;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.identity.control.Accounts;
import org.mirrorwatch.identity.entity.Person;

/**
 * One's own account: signing up, proving the address by the mailed link, and resetting a forgotten
 * password by another. Nothing here tells a stranger whether an address has an account.
 */
@Stateless
public class AccountFacade {

    private static final Logger LOG = Logger.getLogger(AccountFacade.class.getName());

    public static final String TOKEN = "token";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    Callers callers;

    @Inject
    AccountNotifications notifications;

    @Inject
    AccountSettings settings;

    @Inject
    AccountLinks links;

    /**
     * Creates an account that stays off until its address is confirmed by the mailed link. An address that
     * has an account already gets a mail saying so, and the caller sees the same answer as for a new one.
     *
     * @throws InvalidInputException listing every field that is wrong
     * @throws ConflictException when the name is taken (names are public, so that reveals nothing)
     */
    @PermitAll
    public void signUp(SignUpForm form) {
        SignUpForm valid = form.validate(PasswordPolicy.weakness(form.password(), form.name(), form.email()));
        // Hashed before anything is looked up: a known address must cost the same time as a new one.
        String passwordHash = passwords.hash(valid.password());
        accounts.requireFreeName(SignUpForm.NAME, valid.name());
        var existing = em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", valid.email())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            notifications.signUpWithKnownAddress(existing.get());
            LOG.info(() -> "Sign-up with the address of " + existing.get().getName() + "; its owner was told");
            return;
        }
        Person person = new Person(valid.name(), valid.displayName(), valid.email(), clock.instant());
        person.changePassword(passwordHash);
        em.persist(person);
        String token = links.newToken(person, AccountTokenPurpose.VERIFY_EMAIL, settings.getVerifyLinkTtl());
        notifications.verifyAddress(person, token, settings.getVerifyLinkTtl());
        LOG.info(() -> "Account " + person.getName() + " signed up; confirmation mailed");
    }

    /** Confirms the address of the link's account, which can log in from now on. */
    @PermitAll
    public AccountView verifyEmail(String token) {
        AccountToken link = useToken(token, AccountTokenPurpose.VERIFY_EMAIL);
        link.getPerson().verifyEmail();
        LOG.info(() -> "Account " + link.getPerson().getName() + " confirmed its address");
        return AccountView.of(link.getPerson());
    }

    /**
     * Mails a reset link to the account with this address, if there is one. The answer is the same either
     * way. A new link replaces the ones sent before.
     */
    @PermitAll
    public void requestPasswordReset(String email) {
        if (!SignUpForm.isMailAddress(email)) {
            throw new InvalidInputException("email", "Enter the email address of your account, e.g. jane@example.org.");
        }
        links.mailResetLink(email.strip());
    }

    /**
     * Sets a new password with a reset link. The link proved the address, so an unconfirmed account is
     * confirmed too.
     */
    @PermitAll
    public AccountView resetPassword(String token, String newPassword) {
        AccountToken link = findUsableToken(token, AccountTokenPurpose.RESET_PASSWORD);
        Person person = link.getPerson();
        PasswordPolicy.weakness(newPassword, person.getName(), person.getEmail()).ifPresent(weakness -> {
            throw new InvalidInputException(SignUpForm.PASSWORD, weakness);
        });
        link.use(clock.instant());
        person.changePassword(passwords.hash(newPassword));
        person.verifyEmail();
        LOG.info(() -> "Account " + person.getName() + " chose a new password with a reset link");
        return AccountView.of(person);
    }

    /** Whether a reset link is still good, so a page can say so before anyone types a password. */
    @PermitAll
    public boolean isResetLinkUsable(String token) {
        return findToken(token, AccountTokenPurpose.RESET_PASSWORD) != null;
    }

    /** The person logged in. */
    @RolesAllowed(Roles.PERSON)
    public AccountView me() {
        return AccountView.of(callers.caller().person());
    }

    private AccountToken useToken(String token, AccountTokenPurpose purpose) {
        AccountToken link = findUsableToken(token, purpose);
        link.use(clock.instant());
        return link;
    }

    private AccountToken findUsableToken(String token, AccountTokenPurpose purpose) {
        AccountToken link = findToken(token, purpose);
        if (link == null) {
            throw new InvalidInputException(TOKEN, "This link has expired or was used already."
                    + (purpose == AccountTokenPurpose.RESET_PASSWORD ? " Ask for a new one."
                    : " Ask for a password reset: its link confirms your address too."));
        }
        return link;
    }

    private AccountToken findToken(String token, AccountTokenPurpose purpose) {
        if (token == null || token.isBlank()) {
            return null;
        }
        return em.createNamedQuery("AccountToken.findByHash", AccountToken.class)
                .setParameter("tokenHash", SecretTokens.hash(token.strip())).setParameter("purpose", purpose)
                .getResultStream().findFirst().filter(link -> link.isUsable(clock.instant())).orElse(null);
    }
}
