package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.FormValidation.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Provider form's rules: each wrong field is named with the message key of its fix. */
class ProviderFormValidatorTest {

    private static ProviderSettings valid() {
        return ProviderSettings.builder().preset(Preset.KEYCLOAK).providerName("Keycloak")
                .issuer("https://sso.example.com/realms/main").clientType(ClientType.PUBLIC).clientId("openmetadata")
                .scopes(ProviderSettings.DEFAULT_SCOPES).clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .tokenValidationAlgorithm("RS256").serverUrl("https://om.example.com")
                .principalClaims(ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS).adminPrincipals(List.of("admin"))
                .principalDomain("example.com").enforcePrincipalDomain(true)
                .allowedRegistrationDomains(List.of("example.com")).selfSignup(true).build();
    }

    private static ProviderSettings with(java.util.function.UnaryOperator<ProviderSettings.Builder> change) {
        return change.apply(valid().toBuilder()).build();
    }

    private static String keyFor(ProviderSettings s, String field) {
        FormValidation v = ProviderFormValidator.validate(s);
        assertEquals(Set.of(field), v.problems().keySet(), () -> "problems: " + v.problems());
        return v.problem(field).orElseThrow().key();
    }

    @Test
    void thePrincipalDomainIsRequiredEvenWhenItIsNotEnforced() {
        // issue 16: OpenMetadata's authorizer requires it; only Collate's hosted server is set up by Collate
        assertEquals("provider.invalid.principalDomain.missing",
                keyFor(with(b -> b.principalDomain(" ").enforcePrincipalDomain(false)), Field.PRINCIPAL_DOMAIN));
        assertTrue(ProviderFormValidator.validate(with(b -> b.deployment(Deployment.COLLATE).principalDomain("")
                .enforcePrincipalDomain(false))).isValid());
    }

    @Test
    void aCompleteFormIsValid() {
        assertTrue(ProviderFormValidator.validate(valid()).isValid());
    }

    @Test
    void eachWrongFieldIsNamedWithItsFix() {
        assertEquals("provider.invalid.providerName.required", keyFor(with(b -> b.providerName(" ")), Field.PROVIDER_NAME));
        assertEquals("provider.invalid.issuer.required", keyFor(with(b -> b.issuer("")), Field.ISSUER));
        assertEquals("provider.invalid.url", keyFor(with(b -> b.issuer("sso.example.com")), Field.ISSUER));
        assertEquals("provider.invalid.url.https", keyFor(with(b -> b.issuer("http://sso.example.com")), Field.ISSUER));
        assertEquals("provider.invalid.url.query", keyFor(with(b -> b.issuer("https://sso.example.com/?x=1")), Field.ISSUER));
        assertEquals("provider.invalid.placeholder", keyFor(with(b -> b.issuer("https://HOST/realms/REALM")), Field.ISSUER));
        assertEquals("provider.invalid.url", keyFor(with(b -> b.discoveryUrl("not a url")), Field.DISCOVERY_URL));
        assertEquals("provider.invalid.clientId.required", keyFor(with(b -> b.clientId("")), Field.CLIENT_ID));
        assertEquals("provider.invalid.clientId.spaces", keyFor(with(b -> b.clientId(" abc")), Field.CLIENT_ID));
        assertEquals("provider.invalid.clientSecret.required", keyFor(with(b -> b.clientType(ClientType.CONFIDENTIAL)),
                Field.CLIENT_SECRET));
        assertEquals("provider.invalid.scopes.openid", keyFor(with(b -> b.scopes(List.of("email"))), Field.SCOPES));
        assertEquals("provider.invalid.algorithm", keyFor(with(b -> b.tokenValidationAlgorithm("HS256")), Field.ALGORITHM));
        assertEquals("provider.invalid.serverUrl.required", keyFor(with(b -> b.serverUrl("")), Field.SERVER_URL));
        assertEquals("provider.invalid.principalClaims.required", keyFor(with(b -> b.principalClaims(List.of())),
                Field.PRINCIPAL_CLAIMS));
        assertEquals("provider.invalid.mapping.both", keyFor(with(b -> b.principalClaimsMapping(Map.of("username", "preferred_username"))),
                Field.CLAIMS_MAPPING));
        assertEquals("provider.invalid.mapping.format", keyFor(with(b -> b.principalClaimsMapping(Map.of("user", "x", "email", "email"))),
                Field.CLAIMS_MAPPING));
        assertEquals("provider.invalid.adminPrincipals.required", keyFor(with(b -> b.adminPrincipals(List.of())),
                Field.ADMIN_PRINCIPALS));
        assertEquals("provider.invalid.principalDomain.required", keyFor(with(b -> b.principalDomain("")), Field.PRINCIPAL_DOMAIN));
        // Collate (hosted, issue 19 C): the Collate team sets admins and the principal domain on their server
        assertTrue(ProviderFormValidator.validate(with(b -> b.deployment(Deployment.COLLATE).adminPrincipals(List.of())
                .principalDomain(""))).isValid());
        assertEquals("provider.invalid.domain", keyFor(with(b -> b.principalDomain("example")), Field.PRINCIPAL_DOMAIN));
        assertEquals("provider.invalid.domain", keyFor(with(b -> b.allowedRegistrationDomains(List.of("exa mple.com", "x"))),
                Field.REGISTRATION_DOMAINS));
    }

    @Test
    void loopbackMayUsePlainHttpAndAConfidentialClientWithASecretIsFine() {
        assertTrue(ProviderFormValidator.validate(with(b -> b.issuer("http://127.0.0.1:8080/realms/x"))).isValid());
        assertTrue(ProviderFormValidator.validate(with(b -> b.clientType(ClientType.CONFIDENTIAL).clientSecret(Secret.of("s")))).isValid());
    }

    @Test
    void entraNeedsItsTenant() {
        ProviderSettings entra = with(b -> b.preset(Preset.ENTRA_ID).issuer(Preset.ENTRA_ID.issuerTemplate()));
        FormValidation v = ProviderFormValidator.validate(entra);
        assertEquals("provider.invalid.tenant.required", v.problem(Field.TENANT).orElseThrow().key());
        assertEquals("provider.invalid.placeholder", v.problem(Field.ISSUER).orElseThrow().key());
        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",
                Preset.ENTRA_ID.issuerFor("contoso.onmicrosoft.com"));
    }

    @Test
    void listsAndMappingsParseAsTyped() {
        assertEquals(List.of("openid", "email", "profile"), ProviderFormValidator.splitList(" openid, email  profile "));
        assertEquals(Map.of("username", "preferred_username", "email", "mail"),
                ProviderFormValidator.parseMapping("username:preferred_username, email : mail"));
        assertEquals(Map.of("oops", ""), ProviderFormValidator.parseMapping("oops"));
    }

    @Test
    void placeholdersAreFoundButRealHostsAreNot() {
        assertEquals(List.of("{region}", "{userPoolId}"), Placeholders.find(Preset.COGNITO.issuerTemplate()));
        assertEquals(List.of("HOST", "REALM"), Placeholders.find(Preset.KEYCLOAK.issuerTemplate()));
        assertEquals(List.of("DOMAIN"), Placeholders.find(Preset.AUTH0.issuerTemplate()));
        assertTrue(Placeholders.find("https://login.microsoftonline.com/%7Btenant%7D/v2.0").size() == 1);
        for (String real : List.of("https://accounts.google.com", "https://host.example.com/realms/domain",
                "https://dev-123.okta.com/oauth2/default", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab")) {
            assertEquals(List.of(), Placeholders.find(real), real);
        }
    }

    @Test
    void everyPresetSaysWhatItNeeds() {
        for (Preset p : Preset.values()) {
            assertEquals(p.placeholders(), Placeholders.find(p.issuerTemplate()), p.name());
        }
        assertTrue(Preset.GOOGLE.placeholders().isEmpty());
        assertEquals("https://accounts.google.com/.well-known/openid-configuration",
                ProviderSettings.discoveryUrlFor(Preset.GOOGLE.issuerTemplate()));
        assertEquals("https://x.auth0.com/.well-known/openid-configuration",
                ProviderSettings.discoveryUrlFor("https://x.auth0.com/"));
    }
}
