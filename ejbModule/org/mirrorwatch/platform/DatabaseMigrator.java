package org.mirrorwatch.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version before anything else uses the database. The schema belongs
 * to Flyway alone; the persistence unit never generates DDL. Extra locations (the run command's demo
 * data) are added only when configured.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:comp/env/jdbc/mirrorwatch")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "mirrorwatch.flyway.extra-locations")
    Optional<String> extraLocations; // comma-separated; Payara cannot inject Optional<List<String>>

    @PostConstruct
    void migrate() {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        extraLocations.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(location -> !location.isEmpty()).forEach(locations::add);
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        LOG.info(() -> "Database schema at version " + (current == null ? "none" : current.getVersion()) + " from "
                + locations + " (" + result.migrationsExecuted + " migrations applied)");
    }
}
