package dev.ssosetup.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognisable fake secrets and every form in which one could leak: as typed, URL-encoded, and base64 (standard and
 * URL-safe) at each of the three byte alignments it can have inside a longer encoded text (an HTTP Basic header, a
 * JWT, a PEM body).
 */
public final class Canaries {
    private final Map<String, String> named = new LinkedHashMap<>();

    public Canaries add(String name, String value) {
        named.put(name, value);
        return this;
    }

    /** Each leak found in {@code text}: "name (form) in where". */
    public List<String> find(String where, String text) {
        List<String> leaks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return leaks;
        }
        named.forEach((name, value) -> forms(value).forEach((form, needle) -> {
            if (text.contains(needle)) {
                leaks.add(name + " (" + form + ") in " + where);
            }
        }));
        return leaks;
    }

    /** The searchable forms of one secret. */
    static Map<String, String> forms(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("plain", value);
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!url.equals(value)) {
            out.put("url-encoded", url);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[bytes.length + offset];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String std = Base64.getEncoder().encodeToString(shifted);
            // the characters that depend only on the secret: skip the block holding the prefix and the last block
            int from = offset == 0 ? 0 : 4;
            int to = std.length() - 4;
            if (to - from >= 12) {
                String core = std.substring(from, to);
                out.put("base64+" + offset, core);
                out.put("base64url+" + offset, core.replace('+', '-').replace('/', '_'));
            }
        }
        return out;
    }
}
