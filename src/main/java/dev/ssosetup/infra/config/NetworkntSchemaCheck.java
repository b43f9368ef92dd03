package dev.ssosetup.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ssosetup.core.common.LibraryText;
import dev.ssosetup.core.config.SchemaCheck;
import dev.ssosetup.core.config.SchemaDocument;
import dev.ssosetup.core.config.SchemaViolation;
import dev.ssosetup.core.provider.OpenMetadataVersion.SchemaSet;
import dev.ssosetup.core.text.Text;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SchemaCheck} with networknt json-schema-validator (the library OpenMetadata itself uses) against the schemas
 * bundled under {@code /openmetadata/schema/} (1.10/1.11) and {@code /openmetadata/schema-2.0/} (2.0, ADR 0024). The
 * schemas' {@code $id}s do not match their folders (see PROVENANCE.md, "Quirks"), so the draft-07 and 2020-12
 * meta-schemas (the 2.0 set mixes both; each file's {@code $schema} picks one) are registered with an id keyword that
 * never occurs: every schema keeps its classpath location as base URI and relative {@code $ref}s resolve by path, as
 * in OpenMetadata's own build. OpenMetadata's vendor keywords ({@code javaType}, {@code enumNames} ...) are ignored.
 */
public final class NetworkntSchemaCheck implements SchemaCheck {
    /** The base of the bundled 1.10/1.11 schemas on the class path. */
    public static final String DEFAULT_BASE = "classpath:" + SchemaSet.V1_10.folder();
    /** The base of the bundled 2.0 schemas on the class path. */
    public static final String DEFAULT_BASE_20 = "classpath:" + SchemaSet.V2_0.folder();
    private static final String NEVER_AN_ID = "x-sso-setup-ignore-id";
    private final Map<SchemaSet, String> bases = new EnumMap<>(SchemaSet.class);
    private JsonSchemaFactory factory; // built on first use: the CLI's --help must not load the validator
    private final Map<String, JsonSchema> cache = new HashMap<>();
    private ObjectMapper json; // built on first use, like the factory: Jackson takes a while to start

    public NetworkntSchemaCheck() {
        this(DEFAULT_BASE);
    }

    /** {@code base} is a URI prefix ending in {@code /}: {@code classpath:...} or a {@code file:} folder. */
    public NetworkntSchemaCheck(String base) {
        this(base, DEFAULT_BASE_20);
    }

    /** One base per set: {@code base110} for the 1.10/1.11 schemas, {@code base20} for the 2.0 ones. */
    public NetworkntSchemaCheck(String base110, String base20) {
        bases.put(SchemaSet.V1_10, base110);
        bases.put(SchemaSet.V2_0, base20);
    }

    private JsonSchemaFactory factory() {
        if (factory == null) {
            JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7()).idKeyword(NEVER_AN_ID).build();
            JsonMetaSchema draft202012 = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).idKeyword(NEVER_AN_ID)
                    .build();
            factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                    b -> b.metaSchema(draft7).metaSchema(draft202012));
        }
        return factory;
    }

    @Override
    public synchronized List<SchemaViolation> validate(SchemaSet set, SchemaDocument schema, String document) {
        String base = bases.get(set);
        JsonNode node;
        try {
            if (json == null) {
                json = new ObjectMapper();
            }
            node = json.readTree(document);
        } catch (Exception e) {
            return List.of(new SchemaViolation("$", Text.of("schema.notJson")));
        }
        JsonSchema s;
        try {
            s = cache.computeIfAbsent(base + schema.path(), location -> factory().getSchema(
                    SchemaLocation.of(location), SchemaValidatorsConfig.builder().build()));
        } catch (RuntimeException e) {
            // a broken installation must show up as "not ready" with a reason, not as a crash
            return List.of(new SchemaViolation("$", Text.of("schema.notLoaded", schema.path(), base,
                    e.getClass().getSimpleName())));
        }
        return s.validate(node).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(m -> new SchemaViolation(m.getInstanceLocation().toString(), LibraryText.plain(m.getMessage())))
                .toList();
    }
}
