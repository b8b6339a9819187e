package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.mirrorwatch.librarian.Librarian;
import org.mirrorwatch.librarian.LibraryFile;
import org.mirrorwatch.platform.NotFoundException;

/** Serves stored files at their stable download paths, exactly as stored. */
@Path("v1/files/{id}/{filename}")
public class LibraryFileResource {

    @Inject
    Librarian librarian;

    @GET
    public Response download(@PathParam("id") long id, @PathParam("filename") String filename) {
        LibraryFile file = librarian.find(id)
                .filter(found -> found.getFilename().equals(filename))
                .orElseThrow(() -> new NotFoundException("stored file", id + "/" + filename));
        return Response.ok(file.getContent(), file.getMimeType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .header("ETag", "\"" + file.getSha256() + "\"")
                .build();
    }
}
