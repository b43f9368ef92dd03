package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;

/**
 * The text of an environment variable that OpenMetadata reads back as exactly a given value. OpenMetadata's
 * {@code openmetadata.yaml} says {@code key: ${VAR:-default}}: the variable's text is put in place and the file is then
 * parsed as YAML (with Jackson, as here). So a value that YAML would read differently ({@code yes}, {@code a: b},
 * {@code x #y}, a list entry with a comma) is written as a YAML double-quoted string, the way OpenMetadata's own Helm
 * chart quotes every value. Lists are {@code [a,b]} with each entry written the same way.
 *
 * <p>Written text never holds a single quote, a backslash pair or a dollar sign ({@code '} is {@code \x27},
 * {@code \} is {@code \x5c}, {@code $} is {@code \x24} inside double quotes), so a {@code .env} file can always wrap
 * it in single quotes, and neither Docker Compose (whose Debian 1.29 expands {@code ${X}} even in single quotes) nor
 * OpenMetadata's own {@code ${VAR}} substitution finds a variable reference in it.
 */
final class ServerEnvText {
    /** Started on first use (start-up time). */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    private ServerEnvText() {
    }

    /**
     * True when the value holds a line break, another control character or half a surrogate pair (not text): no
     * output may carry it as it is.
     */
    static boolean unwritable(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (escaped(value, i)) {
                return true;
            }
        }
        return false;
    }

    /** A character written as a 4-digit unicode escape: control characters, line separators, lone surrogates. */
    private static boolean escaped(String value, int i) {
        char ch = value.charAt(i);
        if (Character.isISOControl(ch) && ch != '\t' || ch == '\u2028' || ch == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(ch)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(ch)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    /** The text the server reads as {@code value}, a string. */
    static String scalar(String value) {
        boolean plainable = value.indexOf('\'') < 0 && value.indexOf('\\') < 0 && value.indexOf('$') < 0
                && !unwritable(value);
        if (plainable && readsBack(value, value)) {
            return value;
        }
        // always one line without a quote or $; a value that is not text (refused by ConfigurationCheck) is escaped
        return quoted(value);
    }

    /** The text the server reads as this list of strings. */
    static String list(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            b.append(i == 0 ? "" : ",").append(plainInList(v) ? v : quoted(v));
        }
        String text = b.append(']').toString();
        if (listReadsBack(text, values)) {
            return text;
        }
        return "[" + String.join(",", values.stream().map(ServerEnvText::quoted).toList()) + "]";
    }

    /** A list entry may stay plain when it reads back as itself and holds nothing a flow sequence stops at. */
    private static boolean plainInList(String v) {
        return !v.isEmpty() && !unwritable(v) && v.chars().noneMatch(ch -> ",[]{}#\"'\\&*!|>%@`?$".indexOf(ch) >= 0)
                && v.strip().equals(v) && readsBack(v, v) && listReadsBack("[" + v + "]", List.of(v));
    }

    private static boolean listReadsBack(String text, List<String> expected) {
        try {
            JsonNode n = Yaml.MAPPER.readTree("key: " + text + "\n").get("key");
            if (n == null || !n.isArray() || n.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!n.get(i).isTextual() || !n.get(i).asText().equals(expected.get(i))) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String quoted(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\x5c");
                case '\'' -> b.append("\\x27");
                case '$' -> b.append("\\x24");
                default -> {
                    if (escaped(value, i)) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean readsBack(String text, String expected) {
        if (text.isEmpty()) {
            return false; // "key:" is null, not ""
        }
        try {
            JsonNode n = Yaml.MAPPER.readTree("key: " + text + "\n").get("key");
            return n != null && n.isTextual() && n.asText().equals(expected);
        } catch (Exception e) {
            return false;
        }
    }
}
