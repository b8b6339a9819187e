package org.mirrorwatch.api;

import org.mirrorwatch.platform.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mirrorwatch.platform.AccessDeniedException;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.platform.TooManyRequestsException;

/** Turns business failures into RFC 9457 problem JSON with the matching status. */
@Provider
public class MirrorwatchExceptionMapper implements ExceptionMapper<MirrorwatchException> {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Response toResponse(MirrorwatchException exception) {
        Response.Status status = statusOf(exception);
        JsonObjectBuilder problem = problem(status, exception.getMessage());
        if (exception instanceof InvalidInputException invalid) {
            JsonArrayBuilder errors = JsonBuilders.array();
            invalid.getErrors().forEach(error -> errors.add(JsonBuilders.object()
                    .add("field", error.field()).add("message", error.message())));
            problem.add("errors", errors);
        } else if (exception instanceof ConflictException conflict) {
            problem.add("errors", JsonBuilders.array().add(JsonBuilders.object()
                    .add("field", conflict.getField()).add("message", conflict.getMessage())));
        }
        Response.ResponseBuilder response = Response.status(status.getStatusCode(), status.getReasonPhrase())
                .type(PROBLEM_JSON)
                .entity(problem.build().toString());
        if (exception instanceof TooManyRequestsException tooMany) {
            response.header("Retry-After", Math.max(1, tooMany.getRetryAfter().toSeconds()));
        }
        return response.build();
    }

    /** The members every problem has: RFC 9457's type, title, status and detail. */
    static JsonObjectBuilder problem(Response.StatusType status, String detail) {
        return JsonBuilders.object()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail);
    }

    private static Response.Status statusOf(MirrorwatchException exception) {
        if (exception instanceof NotFoundException) {
            return Response.Status.NOT_FOUND;
        }
        if (exception instanceof ConflictException) {
            return Response.Status.CONFLICT;
        }
        if (exception instanceof AccessDeniedException) {
            return Response.Status.FORBIDDEN;
        }
        if (exception instanceof TooManyRequestsException) {
            return Response.Status.TOO_MANY_REQUESTS;
        }
        return Response.Status.BAD_REQUEST;
    }
}
