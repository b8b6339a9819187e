package org.mirrorwatch.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test support inside the container: keeps the request and response of Arquillian's servlet runner, in
 * which in-container tests run, so {@link TestLogin} can log in through the application's own
 * authentication mechanism as a console login does.
 */
@WebFilter(urlPatterns = "/*")
public class CurrentExchange extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();
    private static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        REQUEST.set(request);
        RESPONSE.set(response);
        try {
            chain.doFilter(request, response);
        } finally {
            REQUEST.remove();
            RESPONSE.remove();
        }
    }

    static HttpServletRequest request() {
        return require(REQUEST.get());
    }

    static HttpServletResponse response() {
        return require(RESPONSE.get());
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new IllegalStateException("Not inside an in-container test request");
        }
        return value;
    }
}
