package io.github.camelgc.emulator.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One method and path template, e.g. {@code GET /api/v1/algorithms/{pk}/}. A parameter ending in
 * {@code *} ({@code {key*}}) matches the rest of the path, slashes included.
 */
public final class Route {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(ApiCall call) throws IOException;
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(\\*?)}");

    private final String method;
    private final String template;
    private final Pattern regex;
    private final List<String> names = new ArrayList<>();
    private final Handler handler;

    public Route(String method, String template, Handler handler) {
        this.method = method;
        this.template = template;
        this.handler = handler;
        StringBuilder sb = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            sb.append(Pattern.quote(template.substring(last, m.start())));
            sb.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        sb.append(Pattern.quote(template.substring(last)));
        this.regex = Pattern.compile(sb.toString());
    }

    /** The path parameters when the path matches the template, else {@code null}. */
    public Map<String, String> match(String path) {
        Matcher m = regex.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), m.group(i + 1));
        }
        return params;
    }

    public String method() {
        return method;
    }

    /** The template, used as the "path pattern" of the request log and fault rules. */
    public String template() {
        return template;
    }

    public Handler handler() {
        return handler;
    }
}
