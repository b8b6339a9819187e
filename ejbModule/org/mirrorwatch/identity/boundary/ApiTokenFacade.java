package org.mirrorwatch.identity.boundary;

import org.mirrorwatch.platform.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.mirrorwatch.identity.control.Callers;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.control.SecretTokens;
import org.mirrorwatch.identity.entity.ApiToken;
import org.mirrorwatch.identity.entity.ApiTokenScope;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.NotFoundException;

/** The API tokens of the person logged in: create one (its secret is shown once), list them, revoke one. */
@Stateless
@RolesAllowed(Roles.PERSON)
public class ApiTokenFacade {

    private static final Logger LOG = Logger.getLogger(ApiTokenFacade.class.getName());

    public static final String NAME = "name";
    public static final String DAYS = "days";
    public static final String SCOPE = "scope";
    public static final int MAXIMUM_DAYS = 365;
    /** Secrets start with this, so people and secret scanners can tell what they are. */
    public static final String SECRET_PREFIX = "mw_";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    /**
     * Creates a token that acts as the caller for {@code days} days, with all the caller's roles or only
     * those of its scope.
     *
     * @param name what the token is for, so its owner can tell tokens apart
     * @param scope null for {@link ApiTokenScope#FULL}
     */
    public NewApiToken create(String name, int days, ApiTokenScope scope) {
        FieldErrors errors = new FieldErrors();
        String validName = errors.requiredText(NAME, name, 100, PlainText.Lines.ONE,
                "Say what the token is for, in at most 100 characters, e.g. \"deploy script\".");
        if (days < 1 || days > MAXIMUM_DAYS) {
            errors.add(DAYS, "A token lasts from 1 to " + MAXIMUM_DAYS + " days.");
        }
        Caller caller = callers.caller();
        ApiTokenScope validScope = scope == null ? ApiTokenScope.FULL : scope;
        if (validScope == ApiTokenScope.PUBLISH && !caller.person().isPublisher()) {
            errors.add(SCOPE, "Only an archive publisher's account can make a token that imports publications.");
        }
        errors.throwIfAny();
        String secret = SecretTokens.newSecret(SECRET_PREFIX);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(caller.person(), validName, validScope, SecretTokens.hash(secret),
                secret.substring(0, SECRET_PREFIX.length() + 6), now, now.plus(Duration.ofDays(days)));
        em.persist(token);
        em.flush(); // the database numbers the token, and the view carries its id
        LOG.info(() -> "API token " + token.getPrefix() + "… (" + token.getScope() + ") created by "
                + caller.person().getName());
        return new NewApiToken(ApiTokenView.of(token), secret);
    }

    /** The caller's tokens, newest first, revoked and expired ones included. */
    public List<ApiTokenView> myTokens() {
        return em.createNamedQuery("ApiToken.findByPerson", ApiToken.class)
                .setParameter("personId", callers.caller().person().getId()).getResultList().stream()
                .map(ApiTokenView::of).toList();
    }

    /** Revokes one of the caller's tokens; someone else's token is reported as not found. */
    public ApiTokenView revoke(long tokenId) {
        Caller caller = callers.caller();
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !caller.is(token.getPerson())) {
            throw new NotFoundException("API token", tokenId);
        }
        token.revoke(clock.instant());
        LOG.info(() -> "API token " + token.getPrefix() + "… revoked by " + caller.person().getName());
        return ApiTokenView.of(token);
    }
}
