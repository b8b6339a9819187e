package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mirrorwatch.reference.boundary.ReferenceViews.ComponentView;
import org.mirrorwatch.reference.boundary.ReferenceDataFacade;
import org.mirrorwatch.reference.boundary.ReferenceReads;

/** The archive's components (main, universe, ...): anyone lists them; administrators add one. */
@ApplicationScoped
@Path("v1/components")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComponentResource {

    @Inject
    ReferenceDataFacade reference;

    @Inject
    ReferenceReads reads;

    @GET
    public List<ComponentView> list() {
        return reads.components();
    }

    @POST
    public Response create(ComponentView body) {
        return Response.status(Response.Status.CREATED)
                .entity(reference.createComponent(MirrorResource.require(body).name()))
                .build();
    }
}
