package org.mirrorwatch.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Bounds every request body before anything reads it: a declared length over the limit is refused
 * unread, and a body sent without one is read up to the limit and refused past it, with 413 as problem
 * JSON. The limit is 64 KiB unless the method says otherwise with {@link BodyLimit}.
 */
@Provider
public class BodyLimits implements ContainerRequestFilter {

    static final int DEFAULT = 64 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        int limit = limitOf(resource);
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length > limit) {
                request.abortWith(tooLarge(limit));
                return;
            }
        }
        InputStream body = request.getEntityStream();
        byte[] read = body.readNBytes(limit + 1);
        if (read.length > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(read));
    }

    private static int limitOf(ResourceInfo resource) {
        if (resource != null && resource.getResourceMethod() != null) {
            BodyLimit limit = resource.getResourceMethod().getAnnotation(BodyLimit.class);
            if (limit != null) {
                return limit.bytes();
            }
        }
        return DEFAULT;
    }

    private static Response tooLarge(int limit) {
        Response.Status status = Response.Status.REQUEST_ENTITY_TOO_LARGE;
        return Response.status(status.getStatusCode(), status.getReasonPhrase())
                .type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(status, String.format(Locale.ROOT,
                        "The request body is larger than this endpoint takes (%,d bytes).", limit)).build().toString())
                .build();
    }
}
