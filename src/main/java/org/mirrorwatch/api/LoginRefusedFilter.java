package org.mirrorwatch.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.mirrorwatch.login.LoginRefusal;
import org.mirrorwatch.login.MirrorwatchAuthentication;

/**
 * Answers an API request whose credentials the authentication mechanism refused, before anything reads
 * the request: 401 with both login challenges, or 429 with Retry-After, as problem JSON.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class LoginRefusedFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext context) {
        // In a servlet container the request's properties are its servlet attributes (JAX-RS 2.0 on), so this
        // reads what the mechanism set, without the proxy of an injected HttpServletRequest on every request.
        if (context.getProperty(LoginRefusal.ATTRIBUTE) instanceof LoginRefusal refusal) {
            context.abortWith(answer(refusal));
        }
    }

    static Response answer(LoginRefusal refusal) {
        Response.StatusType status = Response.Status.fromStatusCode(refusal.status());
        Response.ResponseBuilder answer = Response.status(status)
                .type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(status, refusal.detail()).build().toString());
        if (refusal.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, MirrorwatchAuthentication.BASIC_CHALLENGE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, MirrorwatchAuthentication.BEARER_CHALLENGE);
        }
        if (refusal.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        return answer.build();
    }
}
