package org.mirrorwatch.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive Arquillian deploys: the WAR that {@code mvn package} built, exactly as it ships, plus the
 * test support that runs inside the container.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive mirrorwatch() {
        File war = new File(System.getProperty("mirrorwatch.test.war", "target/mirrorwatch.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with mvn verify, after package");
        }
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(TestClock.class, TestClock.SettableClock.class, TestDatabase.class, SeedWorld.class);
        for (File dataset : datasets()) {
            archive.addAsResource(dataset, "datasets/" + dataset.getName());
        }
        return archive;
    }

    private static File[] datasets() {
        File[] datasets = new File("src/test/resources/datasets").listFiles((dir, name) -> name.endsWith(".sql"));
        if (datasets == null) {
            throw new IllegalStateException("src/test/resources/datasets is missing; run the tests from the project root");
        }
        return datasets;
    }
}
