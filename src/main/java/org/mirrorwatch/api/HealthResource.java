package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.operations.OperationalFigures;

/**
 * Liveness and readiness, in MicroProfile Health's JSON shape but served by plain JAX-RS, so they work
 * on servers without MicroProfile Health: {@code /api/health/live} (the application answers) and
 * {@code /api/health/ready} (the database answers and the mail outbox is not backed up). 503 when down.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    OperationalFigures figures;

    @Inject
    @ConfigProperty(name = "mirrorwatch.health.outbox-backlog-limit")
    long backlogLimit;

    @GET
    public Response all() {
        return ready();
    }

    @GET
    @Path("live")
    public Response live() {
        return answer(Json.createArrayBuilder().add(check("application", true, null)), true);
    }

    @GET
    @Path("ready")
    public Response ready() {
        boolean database = figures.databaseAnswers();
        JsonArrayBuilder checks = Json.createArrayBuilder().add(check("database", database, null));
        boolean outbox = true;
        if (database) {
            long backlog = figures.outboxBacklog();
            outbox = backlog <= backlogLimit;
            checks.add(check("mail-outbox", outbox, Json.createObjectBuilder().add("backlog", backlog)
                    .add("limit", backlogLimit).build()));
        }
        return answer(checks, database && outbox);
    }

    private static JsonObject check(String name, boolean up, JsonObject data) {
        var check = Json.createObjectBuilder().add("name", name).add("status", up ? "UP" : "DOWN");
        if (data != null) {
            check.add("data", data);
        }
        return check.build();
    }

    private static Response answer(JsonArrayBuilder checks, boolean up) {
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", checks).build()
                        .toString())
                .build();
    }
}
