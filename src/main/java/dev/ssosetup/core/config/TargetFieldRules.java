package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code SecurityConfiguration} body may hold for one OpenMetadata release, beyond what its bundled schema set
 * says (API-2.0.md). The 2.0 schema set is partly newer than 2.0.0 ({@code schema-2.0/PROVENANCE.md}): it accepts the
 * 2.1 fields and no longer requires {@code jwtPrincipalClaims}, and 1.13 is validated against it too. So the fields a
 * release does not know and the fields 2.0.0 still requires are checked here, from one table.
 */
public final class TargetFieldRules {
    /** A field and the first release that knows it; {@code null}: no release this console targets (2.1 line). */
    private record Field(String object, String name, OpenMetadataVersion since) {
        String path() {
            return object + "." + name;
        }
    }

    private static final String AUTHN = "authenticationConfiguration";
    private static final String AUTHZ = "authorizerConfiguration";
    private static final List<Field> FIELDS = List.of(
            new Field(AUTHN, "jwtTeamClaimMapping", OpenMetadataVersion.V1_13),
            new Field(AUTHN, "enableAutoRedirect", OpenMetadataVersion.V1_13),
            new Field(AUTHZ, "defaultOAuthRole", OpenMetadataVersion.V1_13),
            new Field(AUTHN, "sessionExpiry", OpenMetadataVersion.V2_0),
            new Field(AUTHN, "maxActiveSessionsPerUser", OpenMetadataVersion.V2_0),
            new Field(AUTHN, "additionalTrustedRedirectUris", OpenMetadataVersion.V2_0),
            new Field(AUTHN, "emailClaim", null),
            new Field(AUTHN, "displayNameClaim", null),
            new Field(AUTHN, "additionalCallbackUrls", null),
            new Field(AUTHZ, "adminEmails", null),
            new Field(AUTHZ, "allowedEmailDomains", null),
            new Field(AUTHZ, "botDomain", null));
    /** Required by 2.0.0 (and 1.13) but no longer by the newer 2.0 schema set. */
    private static final List<Field> STILL_REQUIRED = List.of(
            new Field(AUTHN, "jwtPrincipalClaims", OpenMetadataVersion.V1_13),
            new Field(AUTHZ, "adminPrincipals", OpenMetadataVersion.V1_13),
            new Field(AUTHZ, "principalDomain", OpenMetadataVersion.V1_13),
            new Field(AUTHZ, "enforcePrincipalDomain", OpenMetadataVersion.V1_13));
    private static final List<String> ES = List.of("ES256", "ES384", "ES512");

    private TargetFieldRules() {
    }

    /** The release that first knows {@code object.name}, when it is one this console tracks. */
    public static Optional<OpenMetadataVersion> since(String object, String name) {
        return FIELDS.stream().filter(f -> f.object.equals(object) && f.name.equals(name)).findFirst()
                .map(Field::since);
    }

    /** Violations of {@code body} for {@code target}, with dotted paths like the schema check's. */
    public static List<SchemaViolation> check(OpenMetadataVersion target, JsonNode body) {
        List<SchemaViolation> out = new ArrayList<>();
        for (Field f : FIELDS) {
            if (body.path(f.object).has(f.name) && (f.since == null || !target.atLeast(f.since))) {
                out.add(new SchemaViolation("$." + f.path(), f.since == null
                        ? Text.of("schema.field.after20", target.label())
                        : Text.of("schema.field.since", target.label(), f.since.label())));
            }
        }
        for (Field f : STILL_REQUIRED) {
            if (target.schemaSet() == OpenMetadataVersion.SchemaSet.V2_0 && !body.path(f.object).has(f.name)
                    && body.path(f.object).isObject()) {
                out.add(new SchemaViolation("$." + f.path(), Text.of("schema.field.required", target.label())));
            }
        }
        String alg = body.path(AUTHN).path("tokenValidationAlgorithm").asText("");
        if (ES.contains(alg) && !target.has113Fields()) {
            out.add(new SchemaViolation("$." + AUTHN + ".tokenValidationAlgorithm",
                    Text.of("schema.algorithm.since113", alg, target.label())));
        }
        return out;
    }
}
