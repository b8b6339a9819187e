package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.mirrorwatch.platform.JsonBuilders;
import jakarta.inject.Inject;
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
@ApplicationScoped
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

    /** The answer of {@code live}: always the same, so it is made once. */
    private static final String LIVE = JsonBuilders.object().add("status", "UP")
            .add("checks", JsonBuilders.array().add(check("application", true, null))).build().toString();

    @GET
    @Path("live")
    public Response live() {
        return Response.ok(LIVE).build();
    }

    @GET
    @Path("ready")
    public Response ready() {
        boolean database = figures.databaseAnswers();
        JsonArrayBuilder checks = JsonBuilders.array().add(check("database", database, null));
        boolean outbox = true;
        if (database) {
            long backlog = figures.outboxBacklog();
            outbox = backlog <= backlogLimit;
            checks.add(check("mail-outbox", outbox, JsonBuilders.object().add("backlog", backlog)
                    .add("limit", backlogLimit).build()));
        }
        return answer(checks, database && outbox);
    }

    private static JsonObject check(String name, boolean up, JsonObject data) {
        var check = JsonBuilders.object().add("name", name).add("status", up ? "UP" : "DOWN");
        if (data != null) {
            check.add("data", data);
        }
        return check.build();
    }

    private static Response answer(JsonArrayBuilder checks, boolean up) {
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(JsonBuilders.object().add("status", up ? "UP" : "DOWN").add("checks", checks).build()
                        .toString())
                .build();
    }
}
