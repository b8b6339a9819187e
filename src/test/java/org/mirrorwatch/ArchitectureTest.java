package org.mirrorwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules that keep the business tier usable without the web tier. */
class ArchitectureTest {

    private static final String[] WEB_TIER = {"org.mirrorwatch.console..", "org.mirrorwatch.api..",
            "org.mirrorwatch.login..", "org.mirrorwatch.web.."};
    private static final String[] BUSINESS_TIER = {"org.mirrorwatch.platform..", "org.mirrorwatch.registry..",
            "org.mirrorwatch.publishing..", "org.mirrorwatch.librarian..", "org.mirrorwatch.probing..",
            "org.mirrorwatch.notification..", "org.mirrorwatch.identity..", "org.mirrorwatch.operations..",
            "org.mirrorwatch.reference..", "org.mirrorwatch.routing.."};

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mirrorwatch");

    @Test
    void theBusinessTier_neverImportsTheWebTier() {
        noClasses().that().resideInAnyPackage(BUSINESS_TIER)
                .should().dependOnClassesThat().resideInAnyPackage(WEB_TIER)
                .check(production);
    }

    /**
     * Feature packages depend on each other in one direction only; the order is in the README's
     * architecture paragraph.
     */
    @Test
    void featurePackages_dependOnEachOtherInOneDirectionOnly() {
        slices().matching("org.mirrorwatch.(*)..").should().beFreeOfCycles().check(production);
    }

    /**
     * Screens and resources get read models built inside the facade's transaction; an entity handed to
     * them would be walked after it (which EclipseLink tolerates and Hibernate refuses).
     */
    @Test
    void theWebTier_neverReceivesEntities() {
        noClasses().that().resideInAnyPackage(WEB_TIER)
                .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(production);
    }

    @Test
    void theBusinessTier_neverUsesServletsFacesOrJaxRs() {
        noClasses().that().resideInAnyPackage(BUSINESS_TIER)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.faces..",
                        "jakarta.ws.rs..")
                .check(production);
    }

    @Test
    void noProductionCode_readsTheSystemClockDirectly() {
        noClasses().that().doNotHaveFullyQualifiedName("org.mirrorwatch.platform.Clocks")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callConstructor(java.util.Date.class)
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(production);
    }
}
