package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Builds OpenMetadata's configuration objects ({@code authenticationConfiguration}, {@code authorizerConfiguration},
 * {@code jwtTokenConfiguration}) as Jackson trees from the model, field by field as in OpenMetadata's schema. The JSON
 * and YAML renderers share these trees so that both say exactly the same thing.
 *
 * <p>The trees are rendered for the model's target OpenMetadata version
 * ({@link dev.ssosetup.core.provider.ProviderSettings#openMetadataVersion()}): a field the target does not know is
 * never set (1.13 on: {@code jwtTeamClaimMapping}, {@code defaultOAuthRole}; 2.0 on: top-level {@code sessionExpiry}
 * and {@code maxActiveSessionsPerUser}, which 2.0 needs because its environment variables do not reach an upgraded
 * install's stored configuration). {@link TargetFieldRules} checks the result.
 */
public final class OmDocuments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OmDocuments() {
    }

    /** The PUT body {@code {authenticationConfiguration, authorizerConfiguration}}; {@code secret} goes in verbatim. */
    public static ObjectNode securityConfiguration(SsoConfiguration c, String secret) {
        ObjectNode root = NODES.objectNode();
        root.set("authenticationConfiguration", authentication(c, secret));
        root.set("authorizerConfiguration", authorizer(c));
        return root;
    }

    public static ObjectNode authentication(SsoConfiguration c, String secret) {
        var p = c.provider();
        ObjectNode a = NODES.objectNode();
        a.put("provider", c.omProvider());
        a.put("providerName", c.providerName());
        a.put("clientType", p.clientType().wire());
        a.put("responseType", c.responseType());
        a.set("publicKeyUrls", array(c.publicKeyUrls()));
        a.put("tokenValidationAlgorithm", p.tokenValidationAlgorithm());
        a.put("authority", c.authority());
        a.put("clientId", p.clientId().strip());
        a.put("callbackUrl", c.callbackUrl());
        a.set("jwtPrincipalClaims", array(p.principalClaims()));
        if (!c.principalClaimsMapping().isEmpty()) {
            a.set("jwtPrincipalClaimsMapping", array(c.principalClaimsMapping()));
        }
        a.put("enableSelfSignup", p.selfSignup());
        var target = p.openMetadataVersion();
        if (target.has113Fields() && !p.teamClaimMapping().isBlank()) {
            a.put("jwtTeamClaimMapping", p.teamClaimMapping().strip());
        }
        if (target.has20Fields()) {
            a.put("sessionExpiry", p.sessionExpirySeconds());
            a.put("maxActiveSessionsPerUser", p.maxActiveSessionsPerUser());
        }
        if (c.confidential()) {
            a.set("oidcConfiguration", oidc(c, secret));
        }
        return a;
    }

    static ObjectNode oidc(SsoConfiguration c, String secret) {
        var p = c.provider();
        ObjectNode o = NODES.objectNode();
        o.put("id", p.clientId().strip());
        o.put("secret", secret);
        o.put("type", c.omProvider());
        o.put("scope", c.scope());
        o.put("discoveryUri", p.effectiveDiscoveryUrl());
        o.put("useNonce", "true"); // a string in OpenMetadata's schema: a JSON boolean is rejected
        o.put("preferredJwsAlgorithm", p.tokenValidationAlgorithm());
        o.put("responseType", "code");
        o.put("disablePkce", true);
        o.put("clientAuthenticationMethod", p.clientAuthMethod().wire());
        o.put("tenant", c.tenant()); // required whenever oidcConfiguration is sent: "" when unused
        o.put("serverUrl", c.serverUrl());
        o.put("callbackUrl", c.callbackUrl());
        if (!p.prompt().isBlank()) {
            o.put("prompt", p.prompt().strip());
        }
        o.put("tokenValidity", SsoConfiguration.TOKEN_VALIDITY_SECONDS);
        // 2.0: a fallback for the top-level field, still defined (and checked, >= 3600) by the 2.0 OIDC schema
        o.put("sessionExpiry", p.openMetadataVersion().has20Fields() ? p.sessionExpirySeconds()
                : SsoConfiguration.SESSION_EXPIRY_SECONDS);
        return o;
    }

    public static ObjectNode authorizer(SsoConfiguration c) {
        AuthorizerSettings z = c.authorizer();
        ObjectNode a = NODES.objectNode();
        a.put("className", AuthorizerSettings.CLASS_NAME);
        a.put("containerRequestFilter", AuthorizerSettings.CONTAINER_REQUEST_FILTER);
        a.set("adminPrincipals", array(z.adminPrincipals()));
        a.set("allowedEmailRegistrationDomains", array(z.allowedEmailRegistrationDomains()));
        a.put("principalDomain", z.principalDomain());
        a.set("allowedDomains", array(z.allowedDomains()));
        a.put("enforcePrincipalDomain", z.enforcePrincipalDomain());
        a.put("enableSecureSocketConnection", z.enableSecureSocketConnection());
        a.put("useRolesFromProvider", z.useRolesFromProvider());
        var p = c.provider();
        if (p.openMetadataVersion().has113Fields() && !p.defaultOAuthRole().isBlank()) {
            a.put("defaultOAuthRole", p.defaultOAuthRole().strip());
        }
        return a;
    }

    public static ObjectNode jwtTokenConfiguration(SsoConfiguration c) {
        var k = c.keys();
        ObjectNode j = NODES.objectNode();
        j.put("rsapublicKeyFilePath", k.publicKeyPath());
        j.put("rsaprivateKeyFilePath", k.privateKeyPath());
        j.put("jwtissuer", k.issuer());
        j.put("keyId", k.keyId());
        return j;
    }

    static JsonNode array(List<String> values) {
        var arr = NODES.arrayNode();
        values.forEach(arr::add);
        return arr;
    }

    /** The secret text to place: the real one only when asked for and known, else the placeholder. */
    static String secretText(SsoConfiguration c, RenderOptions options) {
        var secret = c.provider().clientSecret();
        return options.includeSecret() && !secret.isEmpty() ? secret.reveal() : RenderOptions.SECRET_PLACEHOLDER;
    }

    static boolean secretIncluded(SsoConfiguration c, RenderOptions options) {
        return c.confidential() && options.includeSecret() && !c.provider().clientSecret().isEmpty();
    }
}
