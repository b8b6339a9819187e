package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.mirrorwatch.identity.control.Roles;

/** Who is looking at the page, for the header's links; and logging out. */
@Named("caller")
@RequestScoped
public class CallerBean {

    @Inject
    SecurityContext security;

    public boolean isLoggedIn() {
        return principal() != null;
    }

    public String getName() {
        Principal principal = principal();
        return principal == null ? null : principal.getName();
    }

    /**
     * The request's principal, null for an anonymous visitor, as the Servlet specification says on every
     * server. (SecurityContext.getCallerPrincipal() should be null too, but WildFly answers with its
     * principal "anonymous".)
     */
    private static Principal principal() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
    }

    public boolean isMirrorAdmin() {
        return security.isCallerInRole(Roles.MIRROR_ADMIN);
    }

    /** Ends the login and the session, and goes to the home page. */
    public void logout() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/");
    }
}
