package org.mirrorwatch.login;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.mirrorwatch.identity.control.Accounts;
import org.mirrorwatch.identity.control.ApiTokenCredential;
import org.mirrorwatch.identity.control.LoginThrottle;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.web.ClientAddresses;

/**
 * The application's one authentication mechanism (Jakarta Security allows one), dispatching on the path:
 * <ul>
 * <li>The console keeps the caller in the HTTP session after a form login. A protected page without a
 * login redirects to the login form.</li>
 * <li>The API under /api takes HTTP Basic or an {@code Authorization: Bearer} API token on each request.
 * A write never accepts the session cookie, so a page on another site cannot make a logged-in browser
 * write through the API. Reads accept it, so a logged-in owner can open the probe log links.</li>
 * </ul>
 * Password logins go through the {@link LoginThrottle}, and every failure answers alike whether the
 * account exists or not.
 */
@ApplicationScoped
@DeclareRoles({Roles.PERSON, Roles.MIRROR_ADMIN, Roles.PUBLISHER})
public class MirrorwatchAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(MirrorwatchAuthentication.class.getName());

    /** The session attribute that holds the logged-in person's name. */
    static final String SESSION_CALLER = "org.mirrorwatch.caller";
    /** Set on the request when a login was refused because the name is throttled: the remaining wait. */
    public static final String BLOCKED_FOR = "org.mirrorwatch.login.blockedFor";
    public static final String LOGIN_PAGE = "/login.xhtml";

    /** The challenges of a 401 from the API: both ways of logging in that it takes. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Mirrorwatch\", charset=\"UTF-8\"";
    public static final String BEARER_CHALLENGE = "Bearer realm=\"Mirrorwatch\"";
    public static final String WRONG_LOGIN = "The name or password is wrong.";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddresses clients;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return formLogin(request, context, password);
        }
        return isApi(request) ? apiRequest(request, context) : consoleRequest(request, context);
    }

    /** A login from the console's form, through {@code SecurityContext.authenticate}. */
    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
            UsernamePasswordCredential password) {
        String login = password.getCaller();
        Optional<Duration> blocked = throttle.blockedFor(login);
        if (blocked.isPresent()) {
            request.setAttribute(BLOCKED_FOR, blocked.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(password);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.recordFailure(login).ifPresent(wait -> request.setAttribute(BLOCKED_FOR, wait));
            LOG.info(() -> "Console login failed for " + PlainText.printable(login, 100) + " from " + clients.describe(request));
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.clear(login);
        String name = result.getCallerPrincipal().getName();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_CALLER, name);
        LOG.info(() -> "Console login of " + name + " from " + clients.describe(request));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus consoleRequest(HttpServletRequest request, HttpMessageContext context) {
        if (!context.isProtected() && isStaticResource(request)) {
            // Stylesheets and scripts are the same for everyone: no need to read the account for them.
            return context.doNothing();
        }
        Optional<AuthenticationStatus> session = fromSession(request, context);
        if (session.isPresent()) {
            return session.get();
        }
        if (context.isProtected()) {
            String next = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus apiRequest(HttpServletRequest request, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (startsWithIgnoringCase(authorization, "Bearer ")) {
                return bearer(request, context, authorization.substring(7).strip());
            }
            if (startsWithIgnoringCase(authorization, "Basic ")) {
                return basic(request, context, authorization.substring(6).strip());
            }
            return refuse(request, context, 401, "Send HTTP Basic credentials or an API token as"
                    + " \"Authorization: Bearer <token>\".", null);
        }
        if (SAFE_METHODS.contains(request.getMethod())) {
            Optional<AuthenticationStatus> session = fromSession(request, context);
            if (session.isPresent()) {
                return session.get();
            }
        }
        if (context.isProtected()) {
            return refuse(request, context, 401, "Log in with HTTP Basic or an API token.", null);
        }
        return context.doNothing();
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context, String token) {
        CredentialValidationResult result = identityStores.validate(new ApiTokenCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info(() -> "API call with an invalid, expired or revoked token from " + clients.describe(request));
            return refuse(request, context, 401, "The API token is invalid, expired or revoked. Create a new one on your"
                    + " account page.", null);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(request, context, 401, "The Basic credentials are not valid Base64.", null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return refuse(request, context, 401, "The Basic credentials must be name:password.", null);
        }
        String login = decoded.substring(0, colon);
        Optional<Duration> blocked = throttle.blockedFor(login);
        if (blocked.isPresent()) {
            return refuse(request, context, 429, tooManyFailures(blocked.get()), blocked.get());
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(login, decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info(() -> "API login failed for " + PlainText.printable(login, 100) + " from " + clients.describe(request));
            Optional<Duration> nowBlocked = throttle.recordFailure(login);
            return nowBlocked.isPresent() ? refuse(request, context, 429, tooManyFailures(nowBlocked.get()), nowBlocked.get())
                    : refuse(request, context, 401, WRONG_LOGIN, null);
        }
        throttle.clear(login);
        return context.notifyContainerAboutLogin(result);
    }

    /** The caller of an earlier form login, if the session has one whose account can still log in. */
    private Optional<AuthenticationStatus> fromSession(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_CALLER) instanceof String name)) {
            return Optional.empty();
        }
        Optional<Set<String>> groups = accounts.groupsOfActive(name);
        if (groups.isEmpty()) {
            session.removeAttribute(SESSION_CALLER);
            return Optional.empty();
        }
        return Optional.of(context.notifyContainerAboutLogin(name, groups.get()));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** The wording for a throttled name, the same whether an account has that name or not. */
    public static String tooManyFailures(Duration wait) {
        return "Too many failed logins for this name. Try again in " + LoginThrottle.inWords(wait) + ".";
    }

    /**
     * Refuses an API request's credentials: the API answers with problem JSON (see {@link LoginRefusal}),
     * and the request goes on unauthenticated only as far as that answer.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, int status,
            String detail, Duration retryAfter) {
        request.setAttribute(LoginRefusal.ATTRIBUTE, new LoginRefusal(status, detail, retryAfter));
        return context.doNothing();
    }


    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
