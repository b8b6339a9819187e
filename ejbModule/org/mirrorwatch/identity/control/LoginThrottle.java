package org.mirrorwatch.identity.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.platform.SqlValues;

/**
 * Slows down password guessing. Failures are counted per account, whichever of its login name or
 * address was typed, and per typed name for names no account has, so the throttle answers alike for both
 * and a second spelling of an account gets no fresh guesses. After the free failures each further one blocks the
 * name for a wait that doubles up to a maximum; a success forgets the count, and so does a day without
 * failures. Wrong setup tokens are counted the same way, under one key for the whole deployment, since
 * there is only one setup token.
 */
@Stateless
public class LoginThrottle {

    private static final Duration MEMORY = Duration.ofDays(1);
    /** Neither "person:" nor "name:", so no login name can share its count. */
    private static final String SETUP_TOKEN_KEY = "setup-token";

    private static final String COUNT_FAILURE = """
            INSERT INTO login_throttle (login_key, failures, last_failure) VALUES (?, 1, ?)
            ON CONFLICT (login_key) DO UPDATE SET
                failures = CASE WHEN login_throttle.last_failure < ? THEN 1 ELSE login_throttle.failures + 1 END,
                last_failure = EXCLUDED.last_failure
            RETURNING failures""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountSettings settings;

    @Inject
    Accounts accounts;

    /** How long the name is still blocked; empty when a login may be tried now. */
    public Optional<Duration> blockedFor(String loginName) {
        return blockedForKey(key(loginName));
    }

    /**
     * Counts a failed login for the name.
     *
     * @return how long the name is now blocked; empty while failures are still free
     */
    public Optional<Duration> recordFailure(String loginName) {
        return recordFailureOf(key(loginName));
    }

    /** How long setup tokens are still refused; empty when one may be tried now. */
    public Optional<Duration> setupBlockedFor() {
        return blockedForKey(SETUP_TOKEN_KEY);
    }

    /**
     * Counts a wrong setup token. The count is committed on its own, since the setup it refused rolls back.
     *
     * @return how long setup tokens are now refused; empty while failures are still free
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Duration> recordSetupFailure() {
        return recordFailureOf(SETUP_TOKEN_KEY);
    }

    /** A wait in the words of a refusal: "30 seconds", "2 minutes". */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    private Optional<Duration> blockedForKey(String key) {
        Instant now = clock.instant();
        List<?> rows = em.createNativeQuery("SELECT blocked_until FROM login_throttle WHERE login_key = ?")
                .setParameter(1, key).getResultList();
        return rows.stream().filter(row -> row != null).map(SqlValues::instant)
                .filter(until -> until.isAfter(now)).findFirst().map(until -> Duration.between(now, until));
    }

    private Optional<Duration> recordFailureOf(String key) {
        Instant now = clock.instant();
        em.createNativeQuery("DELETE FROM login_throttle WHERE last_failure < ?")
                .setParameter(1, Timestamp.from(now.minus(MEMORY))).executeUpdate();
        int failures = ((Number) em.createNativeQuery(COUNT_FAILURE)
                .setParameter(1, key)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.minus(MEMORY)))
                .getSingleResult()).intValue();
        Optional<Duration> block = blockAfter(failures);
        em.createNativeQuery("UPDATE login_throttle SET blocked_until = CAST(? AS timestamptz) WHERE login_key = ?")
                .setParameter(1, block.map(wait -> Timestamp.from(now.plus(wait))).orElse(null))
                .setParameter(2, key).executeUpdate();
        return block;
    }

    /** Forgets the failures of a name after a successful login. */
    public void clear(String loginName) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE login_key = ?").setParameter(1, key(loginName))
                .executeUpdate();
    }

    /** The wait after this many failures in a row: none while they are free, then doubling to the maximum. */
    Optional<Duration> blockAfter(int failures) {
        return blockAfter(failures, settings.getFreeFailures(), settings.getFirstBlock(), settings.getMaxBlock());
    }

    static Optional<Duration> blockAfter(int failures, int freeFailures, Duration firstBlock, Duration maxBlock) {
        int blocked = failures - freeFailures;
        if (blocked <= 0) {
            return Optional.empty();
        }
        Duration wait = firstBlock;
        for (int i = 1; i < blocked && wait.compareTo(maxBlock) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(wait.compareTo(maxBlock) > 0 ? maxBlock : wait);
    }

    /** The account the login names, as "person:id", or else the typed name, as "name:…". */
    private String key(String loginName) {
        return accounts.findByLogin(loginName).map(person -> "person:" + person.getId())
                .orElseGet(() -> unknownNameKey(loginName));
    }

    static String unknownNameKey(String loginName) {
        String typed = loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
        // A typed name may hold anything; PostgreSQL cannot store NUL, and the other controls are noise.
        String key = "name:" + PlainText.printable(typed, 254);
        return key.length() > 254 ? key.substring(0, 254) : key;
    }
}
