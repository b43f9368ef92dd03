package dev.ssosetup.core.config;

import dev.ssosetup.core.provider.OpenMetadataVersion.SchemaSet;

import java.util.List;

/**
 * Port: validates a JSON document against one of OpenMetadata's own JSON schemas (bundled with the app, one set per
 * supported release line). Implemented in infra with a real JSON Schema library; an empty list means the document is
 * valid.
 */
public interface SchemaCheck {
    List<SchemaViolation> validate(SchemaSet set, SchemaDocument schema, String json);

    /** Against the 1.10/1.11 set, the one every profile targeted before the target version was part of the model. */
    default List<SchemaViolation> validate(SchemaDocument schema, String json) {
        return validate(SchemaSet.V1_10, schema, json);
    }
}
