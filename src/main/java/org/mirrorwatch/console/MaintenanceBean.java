package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.registry.boundary.MaintenanceFacade;
import org.mirrorwatch.registry.boundary.MaintenanceForm;

/**
 * The maintenance form on a mirror's page, for its owner and the administrators: schedule a window, or
 * cancel one. A change reloads the page (post, redirect, get); a refusal shows beside its field.
 */
@Named
@RequestScoped
public class MaintenanceBean {

    static final String FORM = "maintenance";

    @Inject
    MaintenanceFacade maintenance;

    @Inject
    MirrorPageBean page;

    private String startsAt;
    private String endsAt;
    private boolean weekly;
    private String note;

    public String schedule() {
        try {
            maintenance.schedule(mirrorName(), new MaintenanceForm(startsAt, endsAt, weekly, note));
            return reloaded();
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
            return null;
        }
    }

    public String cancel(long windowId) {
        try {
            maintenance.cancel(mirrorName(), windowId);
            return reloaded();
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
            return null;
        }
    }

    private String mirrorName() {
        page.getPage();
        return page.getName();
    }

    private String reloaded() {
        return "/mirror.xhtml?faces-redirect=true&includeViewParams=true";
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(String endsAt) {
        this.endsAt = endsAt;
    }

    public boolean isWeekly() {
        return weekly;
    }

    public void setWeekly(boolean weekly) {
        this.weekly = weekly;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
