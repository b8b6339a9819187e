package org.mirrorwatch.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive Arquillian deploys: the WAR that {@code mvn package} built, exactly as it ships, plus the
 * test support that runs inside the container (the clock, logins, datasets, and {@link RegistryTestData},
 * which does what only tests do to the registry).
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
                .addClasses(TestClock.class, TestClock.SettableClock.class, TestDatabase.class, SeedWorld.class, Failures.class,
                        CurrentExchange.class, TestLogin.class, RegistryTestData.class,
                        FakeMirror.class, FakeMirrorFarm.class, HostileServer.class, HostileServer.Behaviour.class);
        for (File dataset : datasets()) {
            archive.addAsResource(dataset, "datasets/" + dataset.getName());
        }
        return archive;
    }

    /**
     * The same, with settings that win over the WAR's defaults and over the -D options of
     * arquillian.xml: they go in a config source of ordinal 500 inside a test jar.
     */
    public static WebArchive mirrorwatch(Map<String, String> settings) {
        String properties = "config_ordinal=500\n" + settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        return mirrorwatch().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties"));
    }

    /** Adds the jar that holds {@code type}, for test libraries used inside the container. */
    public static WebArchive withLibraryOf(WebArchive archive, Class<?>... types) {
        for (Class<?> type : types) {
            try {
                archive.addAsLibrary(new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
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
