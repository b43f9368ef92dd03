package dev.ssosetup.core.login;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Deep, immutable copies of parsed JSON (maps sorted by key, lists kept in order, nulls allowed). */
public final class JsonValues {
    private JsonValues() {
    }

    public static Map<String, Object> freeze(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, Object> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, freezeValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freezeValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> copy = new TreeMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), freezeValue(x)));
            return Collections.unmodifiableMap(copy);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(freezeValue(x)));
            return Collections.unmodifiableList(copy);
        }
        if (v instanceof java.util.Date d) {
            return d.getTime() / 1000;
        }
        return v;
    }

    /** A claim value as text: strings as they are, lists joined with ", ", others by {@code toString}. */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(JsonValues::text).toList());
        }
        return String.valueOf(v);
    }

    /** Claims whose value is a time in epoch seconds (OIDC Core 2 and 5.1). */
    public static final java.util.Set<String> TIME_CLAIMS = java.util.Set.of("exp", "iat", "nbf", "auth_time",
            "updated_at");

    /** The time a time claim stands for; empty for other claims or values that are not numbers. */
    public static java.util.Optional<java.time.Instant> time(String claim, Object value) {
        if (TIME_CLAIMS.contains(claim) && value instanceof Number n) {
            return java.util.Optional.of(java.time.Instant.ofEpochSecond(n.longValue()));
        }
        return java.util.Optional.empty();
    }
}
