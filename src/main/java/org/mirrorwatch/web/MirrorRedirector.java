package org.mirrorwatch.web;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mirrorwatch.platform.JsonBuilders;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.routing.boundary.MirrorRouting;
import org.mirrorwatch.routing.boundary.RoutingAnswer;

/**
 * Users' machines at {@code /{distribution}/…}: the redirector and the mirror lists, answered from the
 * routing snapshot before anything else of the application runs (no JSF, no JAX-RS, no session):
 * <ul>
 * <li>{@code GET /{distribution}/{path}}: 302 to the best mirror for that path of the archive, with a
 * {@code Link} header of alternatives (RFC 6249, as mirrorbits sends);</li>
 * <li>{@code GET /{distribution}/+releases/{path}}: the same for the CD images;</li>
 * <li>{@code GET /{distribution}/+countrymirrors-archive} and {@code +countrymirrors-releases}: the list
 * in the format of apt's {@code mirror+http} method, one URL per line with its {@code priority:}, each
 * tier under a comment line that names it.</li>
 * </ul>
 * With {@code Accept: application/json} each answers the chosen mirrors, the tiers and what was known of
 * the client. A first segment that is not a distribution, or that is one of the console's own folders,
 * goes on to the rest of the application.
 */
@WebFilter(filterName = "MirrorRedirector", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class MirrorRedirector extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String RELEASES = "+releases/";
    private static final String ARCHIVE_LIST = "+countrymirrors-archive";
    private static final String RELEASES_LIST = "+countrymirrors-releases";

    @Inject
    MirrorRouting routing;

    @Inject
    ClientAddresses clientAddresses;

    /** The console's own top-level folders and the API: never a distribution's redirector. */
    private Set<String> reserved;

    @Override
    public void init() throws ServletException {
        Set<String> names = new HashSet<>(Set.of("api", "jakarta.faces.resource", "WEB-INF", "META-INF"));
        Set<String> paths = getServletContext().getResourcePaths("/");
        if (paths != null) {
            paths.forEach(path -> names.add(path.replace("/", "")));
        }
        reserved = Set.copyOf(names);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + 1;
        if (uri.length() <= start) {
            chain.doFilter(request, response);
            return;
        }
        int slash = uri.indexOf('/', start);
        String distribution = slash < 0 ? uri.substring(start) : uri.substring(start, slash);
        if (reserved.contains(distribution) || !routing.isDistribution(distribution)) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.addTo(response);
        response.setHeader("Cache-Control", "no-store");
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            Problems.send(response, 405, "Method Not Allowed", "The redirector answers GET and HEAD.", List.of());
            return;
        }
        try {
            String rest = slash < 0 ? "" : decoded(uri.substring(slash + 1));
            InetAddress client = clientAddresses.clientOf(request);
            boolean json = wantsJson(request);
            if (rest.equals(ARCHIVE_LIST) || rest.equals(RELEASES_LIST)) {
                MirrorContent content = rest.equals(ARCHIVE_LIST) ? MirrorContent.ARCHIVE : MirrorContent.RELEASE;
                RoutingAnswer answer = routing.list(distribution, content, client, country(request));
                list(response, distribution, content, answer, json);
            } else if (rest.startsWith(RELEASES)) {
                redirect(response, routing.redirect(distribution, true, rest.substring(RELEASES.length()), client),
                        json);
            } else if (rest.startsWith("+")) {
                throw new NotFoundException("page", "/" + distribution + "/" + rest);
            } else {
                redirect(response, routing.redirect(distribution, false, rest, client), json);
            }
        } catch (InvalidInputException e) {
            Problems.send(response, 400, "Bad Request", e.getMessage(), e.getErrors());
        } catch (NotFoundException e) {
            Problems.send(response, 404, "Not Found", e.getMessage(), List.of());
        }
    }

    /** The path with its percent escapes decoded, strictly: a malformed escape is the client's error. */
    private static String decoded(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return new URI("/" + raw).getPath().substring(1);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("path", "The path has a malformed percent escape.");
        }
    }

    private static Optional<String> country(HttpServletRequest request) {
        String[] values = request.getParameterMap().get("country");
        if (values == null) {
            return Optional.empty();
        }
        if (values.length != 1 || values[0].isBlank()) {
            throw new InvalidInputException("country", "Give one country, as its two-letter ISO 3166-1 code.");
        }
        return Optional.of(values[0]);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static void redirect(HttpServletResponse response, RoutingAnswer answer, boolean json)
            throws IOException {
        RoutingAnswer.Choice best = answer.best();
        StringBuilder link = new StringBuilder();
        List<RoutingAnswer.Choice> choices = answer.choices();
        for (int i = 1; i < choices.size(); i++) {
            RoutingAnswer.Choice alternative = choices.get(i);
            if (link.length() > 0) {
                link.append(", ");
            }
            link.append('<').append(alternative.url()).append(">; rel=duplicate; pri=").append(i);
            alternative.country().ifPresent(country -> link.append("; geo=").append(country.toLowerCase(Locale.ROOT)));
        }
        if (link.length() > 0) {
            response.setHeader("Link", link.toString());
        }
        response.setHeader("X-Mirror-Tier", best.tier().label());
        if (json) {
            sendJson(response, 200, answer);
            return;
        }
        response.setStatus(302);
        response.setHeader("Location", best.url());
        response.setContentLength(0);
    }

    private static void list(HttpServletResponse response, String distribution, MirrorContent content,
            RoutingAnswer answer, boolean json) throws IOException {
        response.setHeader("X-Generated-For-Country", answer.client().country().orElse("unknown"));
        if (json) {
            sendJson(response, 200, answer);
            return;
        }
        RoutingAnswer.Client client = answer.client();
        StringBuilder text = new StringBuilder(64 * answer.choices().size() + 200);
        text.append("# ").append(distribution).append(' ').append(content == MirrorContent.RELEASE ? "CD-image" : "archive")
                .append(" mirrors for ").append(client.address()).append(": country ")
                .append(client.country().orElse("unknown")).append(", continent ")
                .append(client.continent().orElse("unknown")).append(", network ")
                .append(client.autonomousSystem().isPresent() ? "AS" + client.autonomousSystem().getAsLong() : "unknown")
                .append('\n');
        Object tier = null;
        int priority = 0;
        for (RoutingAnswer.Choice choice : answer.choices()) {
            if (choice.tier() != tier) {
                tier = choice.tier();
                priority++;
                text.append("# ").append(choice.tier().label()).append('\n');
            }
            text.append(choice.url()).append("\tpriority:").append(priority).append('\n');
        }
        response.setStatus(200);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text.toString());
    }

    private static void sendJson(HttpServletResponse response, int status, RoutingAnswer answer) throws IOException {
        RoutingAnswer.Client client = answer.client();
        JsonObjectBuilder where = JsonBuilders.object().add("address", client.address()).add("ipv6", client.ipv6());
        client.country().ifPresent(country -> where.add("country", country));
        client.continent().ifPresent(continent -> where.add("continent", continent));
        client.autonomousSystem().ifPresent(as -> where.add("autonomousSystem", as));
        JsonArrayBuilder choices = JsonBuilders.array();
        for (RoutingAnswer.Choice choice : answer.choices()) {
            JsonObjectBuilder one = JsonBuilders.object().add("url", choice.url()).add("tier", choice.tier().label());
            choice.mirror().ifPresent(name -> one.add("mirror", name));
            choice.country().ifPresent(country -> one.add("country", country));
            choices.add(one);
        }
        JsonObjectBuilder body = JsonBuilders.object().add("client", where);
        answer.path().ifPresent(path -> body.add("path", path));
        answer.need().ifPresent(need -> body.add("needs", need));
        body.add("choices", choices);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.build().toString());
    }
}
