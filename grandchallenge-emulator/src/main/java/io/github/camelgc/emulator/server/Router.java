package io.github.camelgc.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps method and path to a {@link Route}. Jetty's core API has no path-template routing, and a
 * table of some thirty templates is smaller than another framework on the classpath.
 */
public final class Router {

    /** A matched route and its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Route.Handler handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    public Router get(String template, Route.Handler handler) {
        return add("GET", template, handler);
    }

    public Router post(String template, Route.Handler handler) {
        return add("POST", template, handler);
    }

    public Router patch(String template, Route.Handler handler) {
        return add("PATCH", template, handler);
    }

    public Router put(String template, Route.Handler handler) {
        return add("PUT", template, handler);
    }

    /**
     * The route for this request. Among templates matching the path, the one with the fewest parameters
     * wins (so {@code algorithms/jobs/} beats {@code algorithms/{pk}/}); a path that matches only with
     * other methods gives 405, an unknown path 404.
     */
    public Match match(String method, String path) {
        Match best = null;
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.match(path);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(method) && (best == null || params.size() < best.params().size())) {
                    best = new Match(route, params);
                }
            }
        }
        if (best != null) {
            return best;
        }
        if (pathKnown) {
            throw ApiError.methodNotAllowed(method);
        }
        throw ApiError.detail(404, "Not found.");
    }

    /** Whether some route serves this path, with any method. */
    public boolean knows(String path) {
        return routes.stream().anyMatch(r -> r.match(path) != null);
    }

    /** Whether some route serves this method and path. */
    public boolean serves(String method, String path) {
        return routes.stream().anyMatch(r -> r.method().equals(method) && r.match(path) != null);
    }

    /** The template of the route for this request, or the raw path when none matches. */
    public String patternOf(String method, String path) {
        try {
            return match(method, path).route().template();
        } catch (ApiError e) {
            return path;
        }
    }
}
