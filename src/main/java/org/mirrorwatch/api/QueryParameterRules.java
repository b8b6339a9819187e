package org.mirrorwatch.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;

/**
 * The rule every query parameter of the API follows before a resource sees it: a bounded number of
 * parameters, each value at most {@value #MAX_LENGTH} characters, one value per name, and no control
 * characters. A breach is a 400 that names the parameter; {@link QueryValues} then parses the values.
 */
@Provider
@PreMatching
public class QueryParameterRules implements ContainerRequestFilter {

    static final int MAX_LENGTH = 500;
    static final int MAX_PARAMETERS = 30;

    @Override
    public void filter(ContainerRequestContext request) {
        problem(request.getUriInfo().getQueryParameters()).ifPresent(problem -> request.abortWith(
                new MirrorwatchExceptionMapper().toResponse(problem)));
    }

    static Optional<InvalidInputException> problem(MultivaluedMap<String, String> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            return Optional.of(new InvalidInputException("query", "Send at most " + MAX_PARAMETERS
                    + " query parameters."));
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = PlainText.printable(parameter.getKey(), 40);
            if (parameter.getValue().size() > 1) {
                return Optional.of(new InvalidInputException(name, "Give " + name + " once."));
            }
            for (String value : parameter.getValue()) {
                Optional<String> wrong = value.indexOf('\uFFFD') >= 0
                        ? Optional.of("Send the value as UTF-8, percent-encoded; it has bytes that are not UTF-8.")
                        : PlainText.problem(value, MAX_LENGTH, PlainText.Lines.ONE);
                if (wrong.isPresent()) {
                    return Optional.of(new InvalidInputException(name, wrong.get()));
                }
            }
        }
        return Optional.empty();
    }

}
