package org.mirrorwatch.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that JSON-B cannot read into the endpoint's type (an unknown enum constant, a string
 * where a number belongs) is the client's mistake: 400 as problem JSON, not a 500.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return Response.status(Response.Status.BAD_REQUEST).type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(Response.Status.BAD_REQUEST,
                        RequestProblemMapper.UNREADABLE_BODY).build().toString())
                .build();
    }
}
