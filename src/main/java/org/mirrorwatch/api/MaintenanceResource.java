package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mirrorwatch.registry.boundary.MaintenanceFacade;
import org.mirrorwatch.registry.boundary.MaintenanceForm;
import org.mirrorwatch.registry.boundary.MaintenanceView;

/**
 * A mirror's maintenance windows: anyone who may see the mirror lists them; its owner and the mirror
 * administrators schedule ({@code POST}) and cancel ({@code DELETE .../{id}}) them.
 */
@ApplicationScoped
@Path("v1/mirrors/{name}/maintenance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    @Inject
    MaintenanceFacade maintenance;

    @GET
    public List<MaintenanceView> list(@PathParam("name") String name) {
        return maintenance.windows(name);
    }

    @POST
    public Response schedule(@PathParam("name") String name, MaintenanceForm form) {
        return Response.status(Response.Status.CREATED).entity(maintenance.schedule(name, MirrorResource.require(form)))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("name") String name, @PathParam("id") long id) {
        maintenance.cancel(name, id);
        return Response.noContent().build();
    }
}
