package org.mirrorwatch.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system properties that configure a Payara running Mirrorwatch: the ones that
 * server-config/payara/post-boot-commands.asadmin reads through ${MPCONFIG=...}.
 */
public final class ServerProperties {

    public static final List<String> NAMES = List.of("mirrorwatch.db.host", "mirrorwatch.db.port",
            "mirrorwatch.db.name", "mirrorwatch.db.user", "mirrorwatch.db.password", "mirrorwatch.mail.host",
            "mirrorwatch.mail.port", "mirrorwatch.mail.from");

    private ServerProperties() {
    }

    /** The values for a database server; the mail settings keep what is already set. */
    public static Map<String, String> forDatabase(DatabaseServer database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mirrorwatch.db.host", database.host());
        properties.put("mirrorwatch.db.port", String.valueOf(database.port()));
        properties.put("mirrorwatch.db.name", database.databaseName());
        properties.put("mirrorwatch.db.user", database.user());
        properties.put("mirrorwatch.db.password", database.password());
        properties.put("mirrorwatch.mail.host", System.getProperty("mirrorwatch.mail.host", "localhost"));
        properties.put("mirrorwatch.mail.port", System.getProperty("mirrorwatch.mail.port", "2525"));
        properties.put("mirrorwatch.mail.from", System.getProperty("mirrorwatch.mail.from", "mirrorwatch@localhost"));
        return properties;
    }

    /**
     * The settings of a server of a test's own on another database of the same PostgreSQL server: this
     * run's database and mail properties with that database's name, and the time zone the tests expect.
     */
    public static Map<String, String> onDatabase(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("user.timezone", "UTC");
        NAMES.forEach(name -> properties.put(name, System.getProperty(name)));
        properties.put("mirrorwatch.db.name", database);
        return properties;
    }

    /** These properties as -D options of a java command line, read from this JVM's system properties. */
    public static List<String> asJvmOptions() {
        return NAMES.stream().map(name -> "-D" + name + "=" + System.getProperty(name)).toList();
    }
}
