package org.mirrorwatch.api;

import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.web.Problems;
import java.util.List;
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

    static final String PROBLEM_JSON = Problems.PROBLEM_JSON;

    @Override
    public Response toResponse(MirrorwatchException exception) {
        Response.Status status = statusOf(exception);
        List<FieldError> errors = exception instanceof InvalidInputException invalid ? invalid.getErrors()
                : exception instanceof ConflictException conflict
                        ? List.of(new FieldError(conflict.getField(), conflict.getMessage())) : List.of();
        Response.ResponseBuilder response = Response.status(status.getStatusCode(), status.getReasonPhrase())
                .type(PROBLEM_JSON)
                .entity(Problems.problem(status.getStatusCode(), status.getReasonPhrase(), exception.getMessage(), errors)
                        .toString());
        if (exception instanceof TooManyRequestsException tooMany) {
            response.header("Retry-After", Math.max(1, tooMany.getRetryAfter().toSeconds()));
        }
        return response.build();
    }

    /** The members every problem has: RFC 9457's type, title, status and detail. */
    static JsonObjectBuilder problem(Response.StatusType status, String detail) {
        return Problems.builder(status.getStatusCode(), status.getReasonPhrase(), detail);
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
