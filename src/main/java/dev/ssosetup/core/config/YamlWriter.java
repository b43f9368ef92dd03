package dev.ssosetup.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;

/**
 * Writes Jackson trees as YAML (never by string concatenation), with a leading block of {@code #} comment lines.
 * Strings that YAML would read as booleans or numbers (such as {@code useNonce: "true"}) stay quoted.
 */
final class YamlWriter {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

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
