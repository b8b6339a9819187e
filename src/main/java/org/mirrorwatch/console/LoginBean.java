package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.mirrorwatch.login.MirrorwatchAuthentication;

/** The login form: a name or email address and a password, through the application's one mechanism. */
@Named
@RequestScoped
public class LoginBean {

    static final String FORM = "login";

    @Inject
    SecurityContext security;

    private String login;
    private String password;
    private String next;

    public void submit() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(login == null ? "" : login.strip(),
                                password == null ? "" : password)));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + safeNext());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Object blocked = request.getAttribute(MirrorwatchAuthentication.BLOCKED_FOR);
                FormMessages.error(FORM, blocked instanceof Duration wait
                        ? MirrorwatchAuthentication.tooManyFailures(wait)
                        : MirrorwatchAuthentication.WRONG_LOGIN);
            }
        }
    }

    /** Only a path on this site: anything else would let a link send people elsewhere after logging in. */
    private String safeNext() {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/account/";
        }
        return next;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
