package org.mirrorwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.identity.boundary.AuditFacade;
import org.mirrorwatch.identity.entity.AuditEvent;

/** The audit trail, for mirror administrators. */
@Path("v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditFacade audit;

    /** One audited change; {@code before} and {@code after} are the subject's fields as JSON text. */
    public record AuditEventView(long id, Instant occurredAt, String actor, String action, String subjectType,
            Long subjectId, String subjectName, String before, String after) {

        static AuditEventView of(AuditEvent event) {
            return new AuditEventView(event.getId(), event.getOccurredAt(), event.getActorName(),
                    event.getAction().name(), event.getSubjectType(), event.getSubjectId().orElse(null),
                    event.getSubjectName(), event.getBeforeState().orElse(null), event.getAfterState().orElse(null));
        }
    }

    @GET
    public List<AuditEventView> recent(@QueryParam("limit") String limitText) {
        int limit = QueryValues.intValue(limitText, "limit", 50, 1, 500);
        return audit.recent(limit).stream().map(AuditEventView::of).toList();
    }
}
