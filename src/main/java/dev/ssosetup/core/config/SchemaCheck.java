package dev.ssosetup.core.config;

import java.util.List;

/**
 * Port: validates a JSON document against one of OpenMetadata's own JSON schemas (bundled with the app). Implemented
 * in infra with a real JSON Schema library; an empty list means the document is valid.
 */
public interface SchemaCheck {
    List<SchemaViolation> validate(SchemaDocument schema, String json);
}
