package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.mirrorwatch.identity.boundary.AccountView;
import org.mirrorwatch.identity.boundary.SetupFacade;
import org.mirrorwatch.platform.MirrorwatchException;

/**
 * The setup page of the first mirror administrator, with the token from the server's log. Once an
 * administrator exists the page answers 404: it then has nothing to offer anyone.
 */
@Named
@RequestScoped
public class SetupBean extends AccountFields {

    static final String FORM = "setup";

    @Inject
    SetupFacade setup;

    private String token;
    private AccountView created;

    public void open() throws IOException {
        if (!setup.offer()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "The setup is closed");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void submit() {
        try {
            created = setup.createFirstAdministrator(token, form());
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    /** The administrator just made; null until the form was accepted. */
    public AccountView getCreated() {
        return created;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
