package org.mirrorwatch.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL's {@code mirrorwatch_changes} channel, which the schema's triggers tell of every
 * committed change to what instances keep in memory, and fires a {@link DatabaseChanged} per topic. One
 * connection of the pool is held for it, on a thread of its own; a pool whose connections do not unwrap to
 * the driver's {@code PGConnection} turns it off once, with a warning. A lost connection is opened again after
 * {@link #RETRY_AFTER_SECONDS}, and then every topic counts as changed, since notifications sent meanwhile
 * are gone; until then the copies fall back on their own refresh.
 */
@ApplicationScoped
public class DatabaseChanges {

    public static final String CHANNEL = "mirrorwatch_changes";
    static final int RETRY_AFTER_SECONDS = 5;
    private static final int WAIT_MILLIS = 1_000;
    /**
     * How often an idle listening connection asks the database something: a connection that only waits is
     * what firewalls and NAT drop silently, and a query is also how a dropped one shows up as an error.
     */
    static final long KEEPALIVE_MILLIS = 30_000;
    /** A payload is a topic name; anything longer or stranger did not come from the schema's triggers. */
    private static final int TOPIC_LIMIT = 40;
    private static final Logger LOG = Logger.getLogger(DatabaseChanges.class.getName());

    @Resource(lookup = "java:comp/env/jdbc/mirrorwatch")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    Event<DatabaseChanged> changed;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread listener;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Thread thread = threads.newThread(this::listenUntilStopped);
        thread.setName("mirrorwatch-database-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopped) {
        stopping.countDown();
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listenUntilStopped() {
        boolean lost = false;
        while (stopping.getCount() > 0) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (!connection.isWrapperFor(PGConnection.class)) {
                    // Not a loss that passes: the pool's driver classes are not the application's (on WildFly,
                    // a driver module of another name), so asking again every few seconds would only cost a
                    // connection each time.
                    LOG.warning("The database's change notifications are off: the pool's connections are not"
                            + " PostgreSQL's PGConnection as this application sees it. Changes made by other"
                            + " instances or in SQL show after the copies' own refresh");
                    return;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                if (lost) {
                    LOG.info("Listening to the database's change notifications again; every copy in memory is "
                            + "read anew");
                    tell(Set.of(DatabaseChanged.EVERYTHING));
                    lost = false;
                } else {
                    LOG.fine("Listening to the database's change notifications");
                }
                long lastQuery = System.nanoTime();
                while (stopping.getCount() > 0) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        tell(topicsOf(received));
                    }
                    if (System.nanoTime() - lastQuery > TimeUnit.MILLISECONDS.toNanos(KEEPALIVE_MILLIS)) {
                        try (Statement keepalive = connection.createStatement()) {
                            keepalive.setQueryTimeout(10);
                            keepalive.execute("SELECT 1");
                        }
                        lastQuery = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopping.getCount() == 0) {
                    return;
                }
                if (!lost) {
                    LOG.log(Level.WARNING, "The database's change notifications are lost (" + e
                            + "); trying again every " + RETRY_AFTER_SECONDS + " s. Meanwhile changes made by "
                            + "other instances or in SQL show after the copies' own refresh");
                    lost = true;
                }
                try {
                    if (stopping.await(RETRY_AFTER_SECONDS, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Set<String> topicsOf(PGNotification[] received) {
        Set<String> topics = new LinkedHashSet<>();
        for (PGNotification notification : received) {
            String topic = notification.getParameter();
            if (topic != null && !topic.isEmpty() && topic.length() <= TOPIC_LIMIT) {
                topics.add(topic);
            }
        }
        return topics;
    }

    private void tell(Set<String> topics) {
        for (String topic : topics) {
            try {
                changed.fire(new DatabaseChanged(topic));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A copy in memory could not take the database's change of " + topic, e);
            }
        }
    }
}
