package org.mirrorwatch.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mirrorwatch.platform.JsonBuilders;
import org.mirrorwatch.platform.FieldError;

/**
 * RFC 9457 problem JSON, the one shape of every refusal: the API's exception mappers build theirs here,
 * and the parts of the web tier that answer without JAX-RS (the redirector) send it straight to a servlet
 * answer. The members: type, title, status, detail and, for invalid input, the fields in error.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** The members every problem has: RFC 9457's type, title, status and detail. */
    public static JsonObjectBuilder builder(int status, String title, String detail) {
        return JsonBuilders.object().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail);
    }

    /** A problem with the fields in error, if any, as {@code errors: [{field, message}]}. */
    public static JsonObject problem(int status, String title, String detail, List<FieldError> errors) {
        JsonObjectBuilder problem = builder(status, title, detail);
        if (!errors.isEmpty()) {
            var array = JsonBuilders.array();
            errors.forEach(error -> array.add(JsonBuilders.object().add("field", error.field())
                    .add("message", error.message())));
            problem.add("errors", array);
        }
        return problem.build();
    }

    public static void send(HttpServletResponse response, int status, String title, String detail,
            List<FieldError> errors) throws IOException {
        response.setStatus(status);
        // As the API sends it: JSON is UTF-8 by definition (RFC 8259), so the type names no charset.
        response.setContentType(PROBLEM_JSON);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(problem(status, title, detail, errors).toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
