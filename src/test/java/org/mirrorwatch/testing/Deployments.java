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
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(TestClock.class, TestClock.SettableClock.class);
    }
}
