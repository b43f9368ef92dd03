package dev.ssosetup.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * How OpenMetadata reads one of its environment variables: {@code openmetadata.yaml} says {@code key: ${VAR:-default}},
 * Dropwizard puts the variable's text in place of the reference and then parses the file with Jackson's YAML parser.
 * So the value the server gets is the variable's text read as a YAML value (which is why OpenMetadata's Helm chart
 * writes every value through {@code quote}). This is that reading, for comparing outputs with the model.
 */
public final class ServerEnvReading {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ServerEnvReading() {
    }

    /** The YAML value the server parses from {@code key: <text>}; null when the text breaks the file. */
    public static JsonNode read(String text) {
        try {
            return YAML.readTree("key: " + text + "\n").get("key");
        } catch (Exception e) {
            return null;
        }
    }

    /** The text read as a string setting; fails when the server would not read a string from it. */
    public static String string(String name, String text) {
        JsonNode n = read(text);
        if (n == null || !n.isValueNode() || n.isNull()) {
            throw new AssertionError(name + ": the server would not read a string from " + text);
        }
        return n.asText();
    }

    /** The text read as a list setting ({@code [a,b]}); fails when the server would not read a list of strings. */
    public static List<String> list(String name, String text) {
        JsonNode n = read(text);
        if (n == null || !n.isArray()) {
            throw new AssertionError(name + ": the server would not read a list from " + text);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isValueNode() || e.isNull()) {
                throw new AssertionError(name + ": a list entry is not a string in " + text);
            }
            out.add(e.asText());
        }
        return out;
    }
}
