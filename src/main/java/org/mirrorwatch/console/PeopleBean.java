package org.mirrorwatch.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mirrorwatch.identity.boundary.PeopleFacade;
import org.mirrorwatch.identity.boundary.PeoplePage;
import org.mirrorwatch.identity.boundary.PersonSummary;
import org.mirrorwatch.platform.Cursors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.MirrorwatchException;

/**
 * The administrators' people page: find people by a part of their name or address, a page at a time, and
 * on each row give or take a role or turn the account off or on. The page's rows stay as they were shown
 * until an action changes one, so a button acts on the row it was shown on.
 */
@Named
@ViewScoped
public class PeopleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "people";
    static final int PAGE_SIZE = 50;

    @Inject
    PeopleFacade people;

    private String query;
    private String cursor;
    private String problem;
    private transient PeoplePage page;

    public List<PersonSummary> getPeople() {
        if (page == null) {
            try {
                page = people.search(query, Cursors.decode(cursor), PAGE_SIZE);
            } catch (InvalidInputException e) {
                problem = e.getErrors().get(0).message();
                page = new PeoplePage(List.of(), Optional.empty());
            }
        }
        return page.people();
    }

    /** Why the search was refused, shown beside its field; null when it was not. */
    public String getProblem() {
        getPeople();
        return problem;
    }

    /** The query string of the first page of this search. */
    public String getFirstQuery() {
        return query == null || query.isBlank() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The query string of the next page, or null on the last page. */
    public String getNextQuery() {
        getPeople();
        String first = getFirstQuery();
        return page.nextAfter().map(after -> first + (first.isEmpty() ? "" : "&") + "cursor=" + Cursors.encode(after))
                .orElse(null);
    }

    public boolean isFirstPage() {
        return cursor == null || cursor.isBlank();
    }

    public void changeRoles(String name, boolean mirrorAdmin, boolean publisher) {
        act(() -> people.changeRoles(name, mirrorAdmin, publisher), person -> person.name() + " is now "
                + (person.mirrorAdmin() && person.publisher() ? "a mirror administrator and an archive publisher"
                : person.mirrorAdmin() ? "a mirror administrator" : person.publisher() ? "an archive publisher"
                : "neither a mirror administrator nor an archive publisher") + ".");
    }

    public void setActive(String name, boolean active) {
        act(() -> people.setActive(name, active), person -> person.active() ? person.name()
                + "'s account is on again; it needs new API tokens." : person.name()
                + "'s account is off: it cannot log in, and its API tokens are revoked.");
    }

    private void act(Supplier<PersonSummary> change, Function<PersonSummary, String> notice) {
        try {
            FormMessages.info(FORM, notice.apply(change.get()));
            page = null;
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
