package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.mirrorwatch.librarian.StoredFile;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.boundary.MirrorFacade;

/**
 * Serves stored files at their stable download paths, exactly as stored. The stored files are probe
 * logs, which only the mirror's owner and administrators may read.
 */
@ApplicationScoped
@Path("v1/files/{id}/{filename}")
public class LibraryFileResource {

    @Inject
    MirrorFacade mirrors;

    @GET
    public Response download(@PathParam("id") long id, @PathParam("filename") String filename) {
        StoredFile file = mirrors.probeLog(id);
        if (!file.filename().equals(filename)) {
            throw new NotFoundException("stored file", id + "/" + filename);
        }
        return Response.ok(file.content(), file.mimeType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .header("Cache-Control", "private")
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }
}
