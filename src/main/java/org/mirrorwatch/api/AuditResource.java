package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.identity.boundary.AuditEntry;
import org.mirrorwatch.identity.boundary.AuditFacade;

/** The audit trail, for mirror administrators. */
@Path("v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditFacade audit;

    /** One audited change; {@code before} and {@code after} are the subject's fields as JSON text. */
    public record AuditEventView(long id, Instant occurredAt, String actor, String action, String subjectType,
            Long subjectId, String subjectName, String before, String after) {

        static AuditEventView of(AuditEntry event) {
            return new AuditEventView(event.id(), event.occurredAt(), event.actorName(), event.action().name(),
                    event.subjectType(), event.subjectId(), event.subjectName(), event.beforeState(),
                    event.afterState());
        }
    }

    @GET
    public List<AuditEventView> recent(@QueryParam("limit") String limitText) {
        int limit = QueryValues.intValue(limitText, "limit", 50, 1, 500);
        return audit.recent(limit).stream().map(AuditEventView::of).toList();
    }
}
