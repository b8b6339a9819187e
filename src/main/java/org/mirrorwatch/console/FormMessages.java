package org.mirrorwatch.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.MirrorwatchException;

/**
 * Shows a business failure on a form: each field's message beside its field (components are given the
 * field's name as id), anything else, and any field the page does not have, at the top of the form.
 */
final class FormMessages {

    private FormMessages() {
    }

    static void show(String formId, MirrorwatchException failure) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (failure instanceof InvalidInputException invalid) {
            invalid.getErrors().forEach(error -> faces.addMessage(clientId(formId, error.field()), error(error.message())));
        } else if (failure instanceof ConflictException conflict && conflict.getField() != null) {
            faces.addMessage(clientId(formId, conflict.getField()), error(conflict.getMessage()));
        } else {
            faces.addMessage(formId, error(failure.getMessage()));
        }
    }

    static void info(String formId, String text) {
        FacesContext.getCurrentInstance().addMessage(formId, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    static void error(String formId, String text) {
        FacesContext.getCurrentInstance().addMessage(formId, error(text));
    }

    /** The field's component on this form, or the form itself when the page has no such field. */
    private static String clientId(String formId, String field) {
        String clientId = formId + ":" + field;
        return FacesContext.getCurrentInstance().getViewRoot().findComponent(":" + clientId) != null ? clientId : formId;
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }
}
