package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The OpenAPI document of this API, generated from the resources when the WAR is built, so it is the
 * same on every server: {@code /api/openapi.yaml} and {@code /api/openapi.json}.
 */
@ApplicationScoped
@Path("")
public class OpenApiResource {

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public Response yaml() {
        return document("mirrorwatch-openapi.yaml");
    }

    @GET
    @Path("openapi.json")
    @Produces("application/json")
    public Response json() {
        return document("mirrorwatch-openapi.json");
    }

    private static Response document(String name) {
        InputStream document = OpenApiResource.class.getResourceAsStream("/openapi/" + name);
        if (document == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(document).header("Cache-Control", "max-age=3600").build();
    }
}
