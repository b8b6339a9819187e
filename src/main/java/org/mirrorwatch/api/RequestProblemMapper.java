package org.mirrorwatch.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Requests JAX-RS itself refuses (no such path, wrong method, unreadable JSON, a bad enum value) get
 * problem JSON like every other error, with the status JAX-RS chose.
 */
@Provider
public class RequestProblemMapper implements ExceptionMapper<WebApplicationException> {

    static final String UNREADABLE_BODY =
            "The request body is not the JSON this endpoint takes; check the field names and values.";

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = status.getStatusCode() == 400 ? UNREADABLE_BODY : status.getReasonPhrase() + ".";
        Response.ResponseBuilder problem = Response.fromResponse(original).type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(status, detail).build().toString());
        return problem.build();
    }
}
