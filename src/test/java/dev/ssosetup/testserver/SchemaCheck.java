package dev.ssosetup.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates a {@code SecurityConfiguration} body against the bundled OpenMetadata schemas as OpenMetadata would:
 * loaded by file URI, {@code $ref}s resolved by path, {@code $id} ignored (PROVENANCE quirk 1: the meta-schema's id
 * keyword is one that never occurs), vendor keywords ignored.
 */
final class SchemaCheck {
    private final JsonSchema schema;

    SchemaCheck() {
        this("/openmetadata/schema/configuration/securityConfiguration.json");
    }

    /** {@code resource}: a schema on the class path, e.g. the 2.0 set's securityConfiguration or testLoginTokenRequest. */
    SchemaCheck(String resource) {
        URL url = Objects.requireNonNull(SchemaCheck.class.getResource(resource), "bundled schema missing");
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7()).idKeyword("$never-an-id").build();
        JsonMetaSchema draft202012 = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).idKeyword("$never-an-id")
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.metaSchema(draft7).metaSchema(draft202012));
        try {
            schema = factory.getSchema(SchemaLocation.of(url.toURI().toString()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema errors as {field, error} pairs, with dotted field paths like OpenMetadata reports them. */
    List<String[]> errors(JsonNode body) {
        List<String[]> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(body)) {
            String path = m.getInstanceLocation().toString();
            path = path.startsWith("$") ? path.substring(1) : path;
            path = path.startsWith(".") ? path.substring(1) : path;
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
            }
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
            }
            out.add(new String[] {path, m.getMessage()});
        }
        return out;
    }
}
