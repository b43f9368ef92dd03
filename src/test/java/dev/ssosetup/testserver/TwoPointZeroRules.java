package dev.ssosetup.testserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a 2.0.x server refuses although the newest 2.0 schemas accept it (API-2.0.md, schema-2.0/PROVENANCE.md "What
 * 2.0.0 had"): the 2.1 fields (2.0.0's schemas have {@code additionalProperties: false}), a missing
 * {@code jwtPrincipalClaims} and authorizer fields 2.0.0 still requires, and a {@code prompt} containing {@code none}
 * (the prompt policy). Written from the document, independently of the console's own rules.
 */
final class TwoPointZeroRules {
    private TwoPointZeroRules() {
    }

    /** Schema-level refusals as {field, error} (a PUT answers 400 with them). */
    static List<String[]> schemaErrors(JsonNode body) {
        List<String[]> out = new ArrayList<>();
        JsonNode auth = body.path("authenticationConfiguration");
        JsonNode authz = body.path("authorizerConfiguration");
        for (String f : List.of("emailClaim", "displayNameClaim", "additionalCallbackUrls")) {
            if (auth.has(f)) {
                out.add(new String[] {"authenticationConfiguration." + f,
                        "property '" + f + "' is not defined in the schema and the schema does not allow additional "
                                + "properties"});
            }
        }
        for (String f : List.of("adminEmails", "allowedEmailDomains", "botDomain")) {
            if (authz.has(f)) {
                out.add(new String[] {"authorizerConfiguration." + f,
                        "property '" + f + "' is not defined in the schema and the schema does not allow additional "
                                + "properties"});
            }
        }
        if (auth.isObject() && !auth.has("jwtPrincipalClaims")) {
            out.add(new String[] {"authenticationConfiguration.jwtPrincipalClaims", "required property "
                    + "'jwtPrincipalClaims' not found"});
        }
        for (String f : List.of("adminPrincipals", "principalDomain", "enforcePrincipalDomain")) {
            if (authz.isObject() && !authz.has(f)) {
                out.add(new String[] {"authorizerConfiguration." + f, "required property '" + f + "' not found"});
            }
        }
        return out;
    }

    /** The prompt policy of validate (OidcPromptPolicy): {@code none} locks out users without a live IdP session. */
    static List<String[]> promptErrors(JsonNode body) {
        List<String[]> out = new ArrayList<>();
        String prompt = body.path("authenticationConfiguration").path("oidcConfiguration").path("prompt").asText("");
        for (String p : prompt.split("[\\s,]+")) {
            if (p.equals("none")) {
                out.add(new String[] {"authenticationConfiguration.oidcConfiguration.prompt", "prompt=none is not "
                        + "allowed: it locks out users without an active identity-provider session"});
            }
        }
        return out;
    }
}
