package org.mirrorwatch.identity.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.mirrorwatch.notification.MailSettings;
import org.mirrorwatch.platform.PlainText;

/**
 * The setup token, with which whoever reads the server's log makes the first mirror administrator of a
 * deployment that has none. There is one at most, it expires, and only its SHA-256 is stored: the secret
 * appears once, in one WARNING line of the log, since the log is what operators read and what a stranger
 * on the web cannot. Using it deletes it, which is what makes two setups at once create one administrator.
 */
@Stateless
public class SetupTokens {

    private static final Logger LOG = Logger.getLogger(SetupTokens.class.getName());

    /** Secrets start with this, so whoever reads the log can tell it from an API token. */
    public static final String SECRET_PREFIX = "mwsetup_";
    public static final String PAGE = "setup.xhtml";
    /** Longer than any secret made here; a longer text is no token and needs no hashing. */
    private static final int MAXIMUM_LENGTH = 100;

    private static final String ISSUE = """
            INSERT INTO setup_token (id, token_hash, date_created, expires_at) VALUES (1, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET token_hash = EXCLUDED.token_hash, date_created = EXCLUDED.date_created,
                expires_at = EXCLUDED.expires_at""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountSettings settings;

    @Inject
    MailSettings links;

    /** Replaces any token with a new one and logs it: each start without an administrator prints a fresh one. */
    public void issue() {
        issue(false);
    }

    /**
     * Makes and logs a new token unless a usable one exists, so that an operator who comes back after the
     * token expired finds a fresh one in the log, while a visitor cannot make the log churn.
     */
    public void issueUnlessUsable() {
        issue(true);
    }

    /** Whether this is the usable setup token; nothing is changed. */
    public boolean matches(String secret) {
        return isShapedLikeOne(secret) && ((Number) withHashAndNow(
                "SELECT count(*) FROM setup_token WHERE token_hash = ? AND expires_at > ?", secret)
                .getSingleResult()).longValue() == 1;
    }

    /**
     * Uses the token up, if it is the usable one. Of two transactions that try at once, the second waits for
     * the first and then finds no row: only one setup gets past this.
     */
    public boolean use(String secret) {
        return isShapedLikeOne(secret) && withHashAndNow(
                "DELETE FROM setup_token WHERE token_hash = ? AND expires_at > ?", secret).executeUpdate() == 1;
    }

    /** Deletes a token left from before an administrator existed. */
    public void discard() {
        if (em.createNativeQuery("DELETE FROM setup_token").executeUpdate() > 0) {
            LOG.info("An administrator exists: the setup token is deleted");
        }
    }

    private void issue(boolean unlessUsable) {
        String secret = SecretTokens.newSecret(SECRET_PREFIX);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.getSetupTokenTtl());
        Query insert = em.createNativeQuery(unlessUsable ? ISSUE + " WHERE setup_token.expires_at <= ?" : ISSUE)
                .setParameter(1, SecretTokens.hash(secret))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(expiresAt));
        if (unlessUsable) {
            insert.setParameter(4, Timestamp.from(now));
        }
        if (insert.executeUpdate() == 1) {
            LOG.warning(() -> "No mirror administrator exists yet. To make the first one, open " + links.link(PAGE)
                    + " and enter the setup token " + secret + " (it works once, until " + expiresAt + ").");
        }
    }

    private Query withHashAndNow(String sql, String secret) {
        return em.createNativeQuery(sql).setParameter(1, SecretTokens.hash(secret.strip()))
                .setParameter(2, Timestamp.from(clock.instant()));
    }

    private static boolean isShapedLikeOne(String secret) {
        return secret != null && !secret.isBlank() && secret.strip().length() <= MAXIMUM_LENGTH
                && PlainText.forbiddenCharacter(secret, PlainText.Lines.ONE).isEmpty();
    }
}
