package dev.ssosetup.consumers;

import dev.ssosetup.core.config.AuthorizerSettings;
import dev.ssosetup.core.config.SsoConfiguration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSO variables OpenMetadata reads and the value each must have, taken from the model's own accessors (never from
 * a renderer): a string, a list of strings or a boolean. A consumer test collects the environment the server would get
 * and checks it against this, reading each variable as the server does ({@link ServerEnvReading}).
 */
public final class ServerExpectations {
    private ServerExpectations() {
    }

    /** Every variable both the Helm chart and the .env hand to the server (client id and secret aside). */
    public static Map<String, Object> of(SsoConfiguration c) {
        var p = c.provider();
        AuthorizerSettings z = c.authorizer();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("AUTHENTICATION_PROVIDER", c.omProvider());
        e.put("AUTHENTICATION_AUTHORITY", c.authority());
        e.put("AUTHENTICATION_CLIENT_ID", p.clientId().strip());
        e.put("AUTHENTICATION_CLIENT_TYPE", p.clientType().wire());
        e.put("AUTHENTICATION_CALLBACK_URL", c.callbackUrl());
        e.put("AUTHENTICATION_RESPONSE_TYPE", c.responseType());
        e.put("AUTHENTICATION_PUBLIC_KEYS", c.publicKeyUrls());
        e.put("AUTHENTICATION_JWT_PRINCIPAL_CLAIMS", p.principalClaims());
        if (!c.principalClaimsMapping().isEmpty()) {
            e.put("AUTHENTICATION_JWT_PRINCIPAL_CLAIMS_MAPPING", c.principalClaimsMapping());
        }
        e.put("AUTHENTICATION_ENABLE_SELF_SIGNUP", p.selfSignup());
        e.put("CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME", c.providerName());
        e.put("AUTHENTICATION_TOKEN_VALIDATION_ALGORITHM", p.tokenValidationAlgorithm());
        e.put("AUTHORIZER_ADMIN_PRINCIPALS", z.adminPrincipals());
        e.put("AUTHORIZER_ALLOWED_REGISTRATION_DOMAIN", z.allowedEmailRegistrationDomains());
        e.put("AUTHORIZER_PRINCIPAL_DOMAIN", z.principalDomain());
        e.put("AUTHORIZER_ENFORCE_PRINCIPAL_DOMAIN", z.enforcePrincipalDomain());
        e.put("JWT_ISSUER", c.keys().issuer());
        e.put("JWT_KEY_ID", c.keys().keyId());
        if (c.confidential()) {
            e.put("OIDC_TYPE", c.omProvider());
            e.put("OIDC_SCOPE", c.scope());
            e.put("OIDC_DISCOVERY_URI", p.effectiveDiscoveryUrl());
            e.put("OIDC_USE_NONCE", true);
            e.put("OIDC_PREFERRED_JWS", p.tokenValidationAlgorithm());
            e.put("OIDC_RESPONSE_TYPE", "code");
            e.put("OIDC_CALLBACK", c.callbackUrl());
            e.put("OIDC_SERVER_URL", c.serverUrl());
            e.put("OIDC_CLIENT_AUTH_METHOD", p.clientAuthMethod().wire());
            e.put("OIDC_TENANT", c.tenant());
            e.put("OIDC_SESSION_EXPIRY", "604800");
        }
        return e;
    }

    /** Fails unless {@code env} (variable name to its raw text) gives the server every expected value. */
    public static void assertServerReads(Map<String, String> env, SsoConfiguration c, String where) {
        of(c).forEach((name, expected) -> {
            assertTrue(env.containsKey(name), where + ": " + name + " is not set; set: " + env.keySet());
            String text = env.get(name);
            switch (expected) {
                case String s -> assertEquals(s, ServerEnvReading.string(name, text), where + ": " + name);
                case Boolean b -> assertEquals(b, ServerEnvReading.read(text).asBoolean(), where + ": " + name);
                case List<?> l -> assertEquals(l, ServerEnvReading.list(name, text), where + ": " + name);
                default -> throw new IllegalStateException(name);
            }
        });
    }
}
