package org.mirrorwatch.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The status of web.xml's error pages, which the container would otherwise answer with 500 for any
 * exception. A form post whose view state is missing, forged or expired was refused before anything it
 * asked for was done: that is the client's mistake, so it is a 400.
 */
@WebFilter(filterName = "ErrorStatus", urlPatterns = "/WEB-INF/errors/*", dispatcherTypes = DispatcherType.ERROR)
public class ErrorStatus extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (causedBy(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION), ViewExpiredException.class)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        // Every error page is HTML. WildFly keeps the failed request's content type on an error dispatch to
        // the static page, and browsers then showed it as text; Faces sets its own for the others.
        response.setContentType("text/html;charset=UTF-8");
        chain.doFilter(request, response);
    }

    private static boolean causedBy(Object error, Class<? extends Throwable> type) {
        for (Throwable t = error instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
