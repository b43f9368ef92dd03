package dev.ssosetup.testsupport;

import dev.ssosetup.core.text.Messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds English left in a translated window (issue 13): a text that is the English text of a message key whose
 * translation differs, or that matches an English pattern with its arguments filled in ("Step 2 of 5").
 */
public final class EnglishLeft {
    /**
     * Texts that read the same in German and English though the key's German differs elsewhere (a word that is also the
     * German word). Keep it short: anything longer than a word belongs in the bundle.
     */
    private static final Set<String> SAME_IN_BOTH = Set.of();

    private final Map<String, String> exact = new HashMap<>();
    private final Map<Pattern, String> patterns = new HashMap<>();

    public EnglishLeft(Messages translated) {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        for (String key : Collections.list(english.bundle().getKeys())) {
            String en = english.bundle().getString(key);
            if (!translated.bundle().containsKey(key) || translated.bundle().getString(key).equals(en)) {
                continue;
            }
            if (en.matches("(?s).*\\{\\d.*")) {
                Pattern p = filled(en);
                if (p != null) {
                    patterns.put(p, key);
                }
            } else {
                exact.put(plain(en), key);
            }
        }
    }

    /** The text without its mnemonic underscore and surrounding blanks. */
    private static String plain(String text) {
        return text.replaceFirst("_(?=\\S)", "").strip();
    }

    /** The pattern as a regular expression: its literal text quoted, each {argument} (choices too) any text. */
    private static Pattern filled(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int letters = 0;
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (depth == 0 && c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    literal.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted || depth == 0 && c != '{') {
                literal.append(c);
                letters += Character.isLetter(c) ? 1 : 0;
            } else if (c == '{') {
                if (depth++ == 0) {
                    regex.append(Pattern.quote(literal.toString())).append("(?s).*");
                    literal.setLength(0);
                }
            } else if (c == '}') {
                depth--;
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return letters >= 4 ? Pattern.compile(regex.toString()) : null;
    }

    /** The English among {@code texts}, each with where it was and the key it comes from. */
    public List<String> in(List<SceneText.Shown> texts) {
        List<String> found = new ArrayList<>();
        for (SceneText.Shown s : texts) {
            String text = plain(s.text());
            if (SAME_IN_BOTH.contains(text)) {
                continue;
            }
            String key = exact.get(text);
            if (key == null) {
                for (Map.Entry<Pattern, String> p : patterns.entrySet()) {
                    if (p.getKey().matcher(text).matches()) {
                        key = p.getValue();
                        break;
                    }
                }
            }
            if (key != null) {
                found.add(s.where() + ": \"" + s.text() + "\" is the English of " + key);
            }
        }
        return found;
    }
}
