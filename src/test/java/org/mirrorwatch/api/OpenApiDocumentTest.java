package org.mirrorwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the build generates: it validates, and every resource method of the API is in it. */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "target/classes/openapi/mirrorwatch-openapi.yaml";

    @Test
    void theDocument_validates() throws Exception {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(Paths.get(DOCUMENT)));

        assertEquals(List.of(), result.getMessages());
        assertEquals("Mirrorwatch API", result.getOpenAPI().getInfo().getTitle());
        assertEquals(Set.of("basic", "bearer"),
                result.getOpenAPI().getComponents().getSecuritySchemes().keySet(), "both ways of logging in");
    }

    @Test
    void everyResourceMethod_appearsWithItsPathAndVerb() throws Exception {
        OpenAPI document = new OpenAPIV3Parser().readContents(Files.readString(Paths.get(DOCUMENT))).getOpenAPI();
        List<String> missing = new ArrayList<>();
        int methods = 0;
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mirrorwatch.api")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String root = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                String verb = verbOf(method);
                if (verb == null) {
                    continue;
                }
                methods++;
                String sub = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                String path = ("/api/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("/$", "");
                PathItem item = document.getPaths().get(path);
                if (item == null || !item.readOperationsMap().containsKey(PathItem.HttpMethod.valueOf(verb))) {
                    missing.add(verb + " " + path);
                }
            }
        }
        assertTrue(methods > 40, "the API's resource methods were found: " + methods);
        assertEquals(List.of(), missing);
    }

    private static String verbOf(JavaMethod method) {
        for (Map.Entry<Class<? extends java.lang.annotation.Annotation>, String> verb : Map.of(GET.class, "GET",
                POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE").entrySet()) {
            if (method.isAnnotatedWith(verb.getKey())) {
                return verb.getValue();
            }
        }
        return null;
    }

    @Test
    void theDocument_isInTheWarsClasses() {
        assertNotNull(OpenApiResource.class.getResourceAsStream("/openapi/mirrorwatch-openapi.json"));
    }
}
