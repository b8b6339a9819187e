package org.mirrorwatch.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.mirrorwatch.notification.MailSettings;
import org.mirrorwatch.platform.PlainText;

/**
 * Warns the operator, once, when the server is reached under a name that the mailed links do not use: the
 * sign of a {@code mirrorwatch.base-url} left at its default, which makes every link in every mail wrong.
 * Once, because the Host header is the client's to choose: a stream of made-up names must not flood the log.
 */
@WebFilter(filterName = "BaseUrlCheck", urlPatterns = "/*")
public class BaseUrlCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BaseUrlCheck.class.getName());

    private final AtomicBoolean warned = new AtomicBoolean();
    /** The last name found to match, so that the usual request compares one string and calls nothing. */
    private volatile String matching;

    @Inject
    transient MailSettings mail;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = request.getServerName();
        if (!warned.get() && host != null && !host.equals(matching)) {
            if (mail.linksReach(host)) {
                matching = host;
            } else if (warned.compareAndSet(false, true)) {
                LOG.warning(() -> "This server is reached as " + PlainText.printable(host, 100)
                        + ", but mirrorwatch.base-url points mailed links at " + mail.linkHost()
                        + ": set mirrorwatch.base-url to the address users reach this server at");
            }
        }
        chain.doFilter(request, response);
    }
}
