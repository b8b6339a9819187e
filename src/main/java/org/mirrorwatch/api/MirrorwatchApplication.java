package org.mirrorwatch.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The REST API's root. Resources are discovered; the version sits in each resource's path. The OpenAPI
 * annotations here describe the two ways of logging in, for the document generated at build time.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Mirrorwatch API", version = "v1"))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "An account's name (or email address) and password."),
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An API token, created on the account page (mw_...).")})
public class MirrorwatchApplication extends Application {
}
