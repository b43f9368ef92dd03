package dev.ssosetup.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes Jackson trees as YAML (never by string concatenation), with a leading block of {@code #} comment lines.
 * Strings that YAML would read as booleans or numbers (such as {@code useNonce: "true"}) stay quoted.
 */
final class YamlWriter {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new Yaml11SafeQuoting())
            .build());

    /**
     * Leaves a string unquoted only when every YAML reader reads it back as that string: Helm's Go parser follows
     * YAML 1.1, where {@code yes}, {@code on}, {@code 0x1F} or {@code 012} are not strings. Anything else is quoted.
     */
    static final class Yaml11SafeQuoting extends StringQuotingChecker {
        private static final Pattern PLAIN = Pattern.compile(
                "[A-Za-z_/][A-Za-z0-9_./:@+=?&%~-]*( [A-Za-z0-9_./:@+=?&%~-]+)*");
        private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
                "null");

        @Override
        public boolean needToQuoteName(String name) {
            return !safe(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return !safe(value);
        }

        private static boolean safe(String s) {
            return PLAIN.matcher(s).matches() && !s.endsWith(":") && !s.contains(": ")
                    && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
        }
    }

    private YamlWriter() {
    }

    static String write(List<String> comments, JsonNode tree) {
        StringBuilder out = new StringBuilder();
        comments.forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        try {
            out.append(YAML.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
        return out.toString();
    }
}
