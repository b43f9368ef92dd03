package dev.ssosetup.core.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds template parts a preset left in a URL ({@code {tenant}}, {@code HOST}, {@code DOMAIN} ...): a URL that still
 * holds one was never completed by the operator and must not be fetched or saved.
 */
public final class Placeholders {
    private static final Pattern BRACED = Pattern.compile("\\{[^}/]*}|%7B[^/]*?%7D", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile(
            "(?<![A-Za-z0-9])(HOST|REALM|DOMAIN|TENANT|REGION|USER_POOL_ID|YOUR[_-][A-Z_-]+|CHANGE[_-]?ME)"
                    + "(?![A-Za-z0-9])");

    private Placeholders() {
    }

    /** The placeholders in {@code url}, in order; empty when there is none. */
    public static List<String> find(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        Matcher m = BRACED.matcher(url);
        while (m.find()) {
            found.add(m.group());
        }
        Matcher w = WORD.matcher(url);
        while (w.find()) {
            found.add(w.group());
        }
        return found;
    }

    public static boolean has(String url) {
        return !find(url).isEmpty();
    }
}
