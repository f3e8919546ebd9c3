package io.github.camelgc.emulator.server;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DRF's {@code LimitOffsetPagination} with the platform's maximum of 1000 (spec §3), including the
 * {@code previous} quirk of dropping {@code offset} when it would be 0 or less.
 */
public final class Pagination {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Pagination() {
    }

    /** The envelope {@code count/next/previous/results} for one page of {@code items}. */
    public static <T> Map<String, Object> page(ApiCall call, List<T> items, Function<T, Object> view) {
        int limit = Math.min(positive(call.query("limit"), DEFAULT_LIMIT), MAX_LIMIT);
        int offset = nonNegative(call.query("offset"));
        int count = items.size();
        List<Object> results = new ArrayList<>();
        for (int i = offset; i < Math.min(count, offset + limit); i++) {
            results.add(view.apply(items.get(i)));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("count", count);
        envelope.put("next", offset + limit >= count ? null : link(call, limit, offset + limit));
        String previous = null;
        if (offset > 0) {
            previous = offset - limit <= 0 ? link(call, limit, -1) : link(call, limit, offset - limit);
        }
        envelope.put("previous", previous);
        envelope.put("results", results);
        return envelope;
    }

    private static int positive(String value, int fallback) {
        try {
            int parsed = Integer.parseInt(value);
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int nonNegative(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The request URL with {@code limit} and {@code offset} replaced ({@code offset} removed when negative), as DRF's
     * {@code replace_query_param}: the query is parsed ({@code parse_qs}, blanks kept) and re-encoded
     * ({@code urlencode}) with the parameters sorted by name.
     */
    private static String link(ApiCall call, int limit, int offset) {
        Map<String, List<String>> query = new TreeMap<>();
        String raw = call.rawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] nv = pair.split("=", 2);
                query.computeIfAbsent(unquotePlus(nv[0]), k -> new ArrayList<>()).add(nv.length > 1 ? unquotePlus(nv[1]) : "");
            }
        }
        query.put("limit", List.of(String.valueOf(limit)));
        query.remove("offset");
        if (offset >= 0) {
            query.put("offset", List.of(String.valueOf(offset)));
        }
        List<String> parts = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(v -> parts.add(quotePlus(name) + "=" + quotePlus(v))));
        return call.url(call.path()) + "?" + String.join("&", parts);
    }

    private static String unquotePlus(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Python's {@code quote_plus}: letters, digits and {@code _.-~} stay, spaces become {@code +}. */
    private static String quotePlus(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
