package org.mirrorwatch.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every answer: console pages, their stylesheets and scripts, the API, and the
 * error pages. The policy allows only the application's own files: no inline script or style, no frames,
 * no plugins, and forms that post back to the application only. A page that needs more breaks visibly in
 * the browser tests rather than quietly weakening the policy.
 *
 * <p>The session cookie gets SameSite from web.xml; the cookies that code adds (Faces' flash cookie) get it
 * here, so a page on another site cannot make a logged-in browser post a console form.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Links to mirrors leave with no address of the console, whose URLs name accounts and mirrors. */
    public static final String REFERRER_POLICY = "same-origin";
    public static final String SAME_SITE = "Lax";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addTo(response);
        chain.doFilter(request, new SameSiteCookies(response));
    }

    /**
     * Sets the headers on an answer that does not pass this filter: the authentication mechanism answers
     * a refused API call before any filter runs.
     */
    public static void addTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // For browsers older than frame-ancestors; it also replaces the server's own SAMEORIGIN.
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** Gives each cookie the application adds SameSite=Lax, unless its code chose a value itself. */
    private static final class SameSiteCookies extends HttpServletResponseWrapper {

        SameSiteCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", SAME_SITE);
            }
            super.addCookie(cookie);
        }
    }
}
