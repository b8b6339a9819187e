package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mirrorwatch.publishing.boundary.ImportResult;
import org.mirrorwatch.publishing.boundary.PublicationImport;
import org.mirrorwatch.publishing.boundary.PublicationImportFacade;

/**
 * The archive publisher's feed of source and binary publications, which freshness is measured against.
 * It needs the publisher role (an account or a token of one, which may be limited to this resource with
 * the scope PUBLISH). Replaying a request changes nothing.
 */
@ApplicationScoped
@Path("v1/publications")
@PublishScope
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicationResource {

    @Inject
    PublicationImportFacade imports;

    /** One publication; problems are reported by field. */
    @POST
    public ImportResult importOne(PublicationImport publication) {
        return imports.importOne(MirrorResource.require(publication));
    }

    /**
     * Up to 10,000 publications as a JSON array; problems are reported as {@code publications[i].field},
     * and nothing is written unless every row passes.
     */
    @POST
    @Path("batch")
    @BodyLimit(bytes = 8 * 1024 * 1024)
    public ImportResult importBatch(List<PublicationImport> publications) {
        return imports.importBatch(publications);
    }
}
