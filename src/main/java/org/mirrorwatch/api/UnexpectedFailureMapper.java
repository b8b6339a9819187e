package org.mirrorwatch.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper knows is a bug of ours: the client gets a bare 500 as problem JSON that says
 * nothing about the code or the database, with an incident id; the log gets the failure once, under the
 * same id, so an operator can find it from a client's report.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, failure, () -> "Incident " + incident + ": " + (request == null ? "" : request.getMethod())
                + " " + (uri == null ? "" : uri.getPath()) + " failed unexpectedly");
        Response.Status status = Response.Status.INTERNAL_SERVER_ERROR;
        return Response.status(status.getStatusCode(), status.getReasonPhrase())
                .type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(status,
                        "Something went wrong on our side; nothing you sent was the cause. If it happens again,"
                                + " tell the operators the incident id.")
                        .add("incident", incident).build().toString())
                .build();
    }
}
