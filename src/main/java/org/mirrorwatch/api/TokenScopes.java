package org.mirrorwatch.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.mirrorwatch.identity.control.Roles;

/**
 * Holds an API token that is limited to a scope to the resources of that scope: anywhere else it gets 403,
 * public reads included, since a token made for one script should open nothing else. Such a token is the
 * one caller who logged in without the role person (see identity.control.Accounts). The facades' roles
 * refuse it as well; this also answers before a body is read.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TokenScopes implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null || security.isUserInRole(Roles.PERSON) || isInPublishScope()) {
            return;
        }
        Response.Status status = Response.Status.FORBIDDEN;
        request.abortWith(Response.status(status).type(MirrorwatchExceptionMapper.PROBLEM_JSON)
                .entity(MirrorwatchExceptionMapper.problem(status, "This API token may only import publications (its"
                        + " scope is PUBLISH). Use a token with the scope FULL for anything else.").build().toString())
                .build());
    }

    private boolean isInPublishScope() {
        return resource.getResourceMethod() != null && (resource.getResourceMethod().isAnnotationPresent(PublishScope.class)
                || resource.getResourceClass().isAnnotationPresent(PublishScope.class));
    }
}
