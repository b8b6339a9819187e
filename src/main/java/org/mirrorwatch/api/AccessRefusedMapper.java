package org.mirrorwatch.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mirrorwatch.login.MirrorwatchAuthentication;

/**
 * A facade refused the caller for lacking a role: 401 with the login challenges for an anonymous
 * caller, who may still log in, and 403 for a logged-in caller, who would not get further by logging in.
 */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(EJBAccessException exception) {
        if (security.getUserPrincipal() == null) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, MirrorwatchAuthentication.BASIC_CHALLENGE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, MirrorwatchAuthentication.BEARER_CHALLENGE)
                    .type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                    .entity(MirrorwatchExceptionMapper.problem(Response.Status.UNAUTHORIZED,
                            "Log in with HTTP Basic or an API token.").build().toString())
                    .build();
        }
        return Response.status(Response.Status.FORBIDDEN).type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(Response.Status.FORBIDDEN,
                        "Your account may not do this; it needs the mirror administrators team.").build().toString())
                .build();
    }
}
