package org.mirrorwatch.console;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorSummary;

/** An administrator's actions on one mirror: owner, deletion, the country DNS role, on and off, probe now. */
@Named
@ViewScoped
public class AdminMirrorBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "actions";

    @Inject
    MirrorFacade mirrors;

    @Inject
    ProbeRounds rounds;

    private String name;
    private Long mirrorId;
    private String newOwner;
    private transient MirrorSummary mirror;

    public void load() throws IOException {
        if (mirrorId == null) {
            MirrorSummary mirror = name == null ? null : mirrors.findMirror(name).orElse(null);
            if (mirror == null) {
                FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such mirror");
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
            mirrorId = mirror.id();
        }
    }

    /** The mirror as it is now: read once for the page, and again after each action. */
    public MirrorSummary getMirror() {
        if (mirror == null && mirrorId != null) {
            mirror = mirrors.mirror(mirrorId);
        }
        return mirror;
    }

    public void reassign() {
        act(() -> mirrors.reassignOwner(mirrorId, newOwner), "The mirror now belongs to " + newOwner + ".");
    }

    public void designate() {
        act(() -> mirrors.designateCountryDnsMirror(mirrorId), "It is now the country DNS mirror.");
    }

    public void removeDns() {
        act(() -> mirrors.removeCountryDnsMirror(mirrorId), "It is no longer the country DNS mirror.");
    }

    public void enable() {
        act(() -> mirrors.enable(mirrorId), "The mirror is enabled.");
    }

    public void disable() {
        act(() -> mirrors.disable(mirrorId), "The mirror is disabled.");
    }

    public void probeNow() {
        act(() -> rounds.probeMirrorNow(mirrorId), "A probe of the mirror started; see the probe page.");
    }

    public void delete() throws IOException {
        try {
            mirrors.delete(mirrorId);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().put("notice", name + " is deleted.");
            external.redirect(external.getRequestContextPath() + "/admin/review.xhtml");
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            FormMessages.info(FORM, done);
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        } finally {
            mirror = null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNewOwner() {
        return newOwner;
    }

    public void setNewOwner(String newOwner) {
        this.newOwner = newOwner;
    }
}
