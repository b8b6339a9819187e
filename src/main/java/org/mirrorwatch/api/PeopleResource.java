package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.identity.boundary.PeopleFacade;
import org.mirrorwatch.identity.boundary.PeoplePage;
import org.mirrorwatch.identity.boundary.PersonSummary;
import org.mirrorwatch.platform.Cursors;
import org.mirrorwatch.platform.FieldErrors;

/**
 * People, their roles and whether their accounts work, for mirror administrators. The facade decides who
 * may do what, and refuses to leave Mirrorwatch without an active administrator; this class only translates.
 */
@ApplicationScoped
@Path("v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    static final int MAXIMUM_PAGE = 500;

    @Inject
    PeopleFacade people;

    /** A person as administrators see them; a deactivated account ({@code active} false) cannot log in. */
    public record PersonView(String name, String displayName, String email, boolean mirrorAdmin, boolean publisher,
            boolean active, boolean emailVerified, Instant dateCreated) {

        static PersonView of(PersonSummary person) {
            return new PersonView(person.name(), person.displayName(), person.email(), person.mirrorAdmin(),
                    person.publisher(), person.active(), person.emailVerified(), person.dateCreated());
        }
    }

    /** One page of people: {@code next} is the cursor of the next page, absent on the last. */
    public record PeopleListPage(List<PersonView> people, String next) {
    }

    /** The roles a person is to have from now on: both are required. */
    public record RolesRequest(Boolean mirrorAdmin, Boolean publisher) {
    }

    /** Whether the account is to work: false turns it off and revokes its API tokens. */
    public record ActiveRequest(Boolean active) {
    }

    /**
     * People by name, a page at a time; {@code q} keeps those whose name, display name or address contains
     * it, in any case. {@code cursor} is the {@code next} of the previous page.
     */
    @GET
    public PeopleListPage list(@QueryParam("q") String query, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitText) {
        int limit = QueryValues.intValue(limitText, "limit", 50, 1, MAXIMUM_PAGE);
        PeoplePage page = people.search(QueryValues.text(query), Cursors.decode(cursor), limit);
        return new PeopleListPage(page.people().stream().map(PersonView::of).toList(),
                page.nextAfter().map(Cursors::encode).orElse(null));
    }

    @GET
    @Path("{name}")
    public PersonView get(@PathParam("name") String name) {
        return PersonView.of(people.person(name));
    }

    /** Gives the person exactly these roles. 409 when it would take the role from the last active administrator. */
    @PUT
    @Path("{name}/roles")
    public PersonView changeRoles(@PathParam("name") String name, RolesRequest request) {
        RolesRequest body = MirrorResource.require(request);
        FieldErrors errors = new FieldErrors();
        errors.require(PeopleFacade.MIRROR_ADMIN, body.mirrorAdmin(), "Send \"mirrorAdmin\": true or false.");
        errors.require(PeopleFacade.PUBLISHER, body.publisher(), "Send \"publisher\": true or false.");
        errors.throwIfAny();
        return PersonView.of(people.changeRoles(name, body.mirrorAdmin(), body.publisher()));
    }

    /** Turns the account off or on. 409 when it would turn off the last active administrator. */
    @PUT
    @Path("{name}/active")
    public PersonView setActive(@PathParam("name") String name, ActiveRequest request) {
        Boolean active = MirrorResource.require(request).active();
        FieldErrors errors = new FieldErrors();
        errors.require(PeopleFacade.ACTIVE, active, "Send {\"active\": true} or {\"active\": false}.");
        errors.throwIfAny();
        return PersonView.of(people.setActive(name, active));
    }
}
