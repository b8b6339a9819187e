package org.mirrorwatch.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.identity.control.Administrators;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.LoginThrottle;
import org.mirrorwatch.identity.control.PasswordPolicy;
import org.mirrorwatch.identity.control.Passwords;
import org.mirrorwatch.identity.control.SetupTokens;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.control.Accounts;
import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.TooManyRequestsException;

/**
 * The first mirror administrator of a deployment, made without SQL: while no active administrator
 * exists, whoever holds the setup token from the server's log creates one confirmed administrator
 * account with it, once. Then the setup is closed for good, unless every administrator is gone.
 */
@Stateless
@PermitAll
public class SetupFacade {

    private static final Logger LOG = Logger.getLogger(SetupFacade.class.getName());

    public static final String TOKEN = "token";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Accounts accounts;

    @Inject
    Administrators administrators;

    @Inject
    SetupTokens tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    /**
     * Whether the setup is open, that is no active administrator exists. While it is, and no token is
     * usable (the one printed at start-up expired), a new one goes to the log.
     */
    public boolean offer() {
        if (!administrators.noneActive()) {
            return false;
        }
        tokens.issueUnlessUsable();
        return true;
    }

    /**
     * Creates a confirmed account with the mirror administrator role, and uses the token up. The form
     * follows the rules of signing up. Wrong tokens are throttled as failed logins are, and while they are,
     * the right one waits too.
     *
     * @throws InvalidInputException listing the token and every field that is wrong
     * @throws ConflictException when the setup is closed, or the name or address has an account
     * @throws TooManyRequestsException after too many wrong tokens
     */
    public AccountView createFirstAdministrator(String token, SignUpForm form) {
        Optional<Duration> blocked = throttle.setupBlockedFor();
        if (blocked.isPresent()) {
            throw tooManyWrongTokens(blocked.get());
        }
        // Looked for before the administrators are counted: a setup that completed in between deleted the
        // token, and this one must then hear that the setup is closed, not that its token is wrong.
        boolean rightToken = tokens.matches(token);
        if (!administrators.noneActive()) {
            throw closed();
        }
        FieldErrors errors = new FieldErrors();
        if (!rightToken) {
            Optional<Duration> nowBlocked = throttle.recordSetupFailure();
            if (nowBlocked.isPresent()) {
                throw tooManyWrongTokens(nowBlocked.get());
            }
            LOG.warning("A setup of the first administrator came with a wrong or expired setup token");
            errors.add(TOKEN, "This is not the setup token, or it has expired. Copy the token from the newest"
                    + " setup line of the server's log; if it has expired, opening this page writes a new one there.");
        }
        SignUpForm valid = null;
        try {
            valid = form.validate(PasswordPolicy.weakness(form.password(), form.name(), form.email()));
        } catch (InvalidInputException e) {
            e.getErrors().forEach(error -> errors.add(error.field(), error.message()));
        }
        errors.throwIfAny();
        accounts.requireFreeName(SignUpForm.NAME, valid.name());
        if (!em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", valid.email())
                .getResultList().isEmpty()) {
            throw new ConflictException(SignUpForm.EMAIL, "An account has this address already. Give the"
                    + " administrator an address of their own.");
        }
        String passwordHash = passwords.hash(valid.password());
        // Using the token up is the one step two setups cannot both pass; the lock then also waits for an
        // administrator made meanwhile by other means.
        if (!tokens.use(token) || !administrators.lockActive().isEmpty()) {
            throw closed();
        }
        Person admin = new Person(valid.name(), valid.displayName(), valid.email(), clock.instant());
        admin.changePassword(passwordHash);
        admin.verifyEmail();
        admin.changeRoles(true, false);
        em.persist(admin);
        em.flush(); // the audit row names the new account by its id
        audit.record(new Caller(admin, true), AuditAction.FIRST_ADMIN_CREATED, AuditTrail.PERSON, admin.getId(),
                admin.getName(), null, PeopleFacade.stateOf(admin));
        LOG.info(() -> "The first mirror administrator, " + admin.getName() + ", was made with the setup token;"
                + " the setup is closed");
        return AccountView.of(admin);
    }

    private static ConflictException closed() {
        return new ConflictException(TOKEN, "A mirror administrator exists, so the setup is closed. Log in instead.");
    }

    private static TooManyRequestsException tooManyWrongTokens(Duration wait) {
        return new TooManyRequestsException("Too many wrong setup tokens. Try again in " + LoginThrottle.inWords(wait)
                + ".", wait);
    }
}
