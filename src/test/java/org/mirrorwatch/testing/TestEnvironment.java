package org.mirrorwatch.testing;

import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the integration tests need once per test run, before any test class, and stops it after
 * the last: the database (embedded unless MIRRORWATCH_DB_URL names one) and, when a black-box test asks
 * for it, the shared server (Payara Micro or WildFly). Their addresses reach Arquillian's Payara through system
 * properties, which arquillian.xml passes on. Unit-test runs (surefire) start nothing.
 *
 * <p>Arquillian's Payara gets a database of its own ({@value #CONTAINERS_DATABASE}), apart from the shared
 * server's: every instance on one database takes part in its probe rounds, so the shared server, once
 * started, would otherwise probe a share of the in-container tests' rounds (and they of its).
 */
public class TestEnvironment implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(TestEnvironment.class.getName());

    /** Set by failsafe: this run has integration tests that need a database. */
    static final String NEEDS_DATABASE = "mirrorwatch.test.database";
    /** The database of Arquillian's Payara, where the in-container tests run; arquillian.xml reads the property. */
    static final String CONTAINERS_DATABASE = "mirrorwatch_containers";

    private static DatabaseServer database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean(NEEDS_DATABASE) || database != null) {
            return;
        }
        long start = System.nanoTime();
        // The in-container tests run their SMTP server (GreenMail) on this port; Payara's mail session
        // is created at boot, so the port is chosen now.
        System.setProperty("mirrorwatch.mail.port", String.valueOf(FreePorts.next()));
        database = DatabaseServer.start();
        ServerProperties.forDatabase(database).forEach(System::setProperty);
        TestDatabase.createEmpty(CONTAINERS_DATABASE);
        System.setProperty("mirrorwatch.containers.db.name", CONTAINERS_DATABASE);
        LOG.info(() -> String.format("Test database %s at %s (%d ms)", database.isEmbedded() ? "embedded" : "external",
                database.plainUrl(), (System.nanoTime() - start) / 1_000_000));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedServer.stopIfStarted();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
