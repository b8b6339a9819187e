package org.mirrorwatch.reference.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mirrorwatch.platform.InvalidInputException;

class DistributionFormTest {

    private static DistributionForm named(String name) {
        return new DistributionForm(name, "A Distribution", "http://archive.example.org/a/", "http://releases.example.org/",
                null);
    }

    @Test
    void aGoodName_passes() {
        assertEquals("ubuntu.ports", named(" ubuntu.ports ").validate().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "admin", "account", "resources", "openapi", "index.xhtml", "mirror.xhtml"})
    void aNameOfTheConsolesOwnPaths_isRefused_sinceTheRedirectorCouldNotServeIt(String name) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> named(name).validate());
        assertEquals("name", refused.getErrors().get(0).field());
        assertEquals("\"" + name + "\" is a path of Mirrorwatch itself, where the redirector could not serve the"
                + " distribution; choose another name.", refused.getErrors().get(0).message());
    }
}
